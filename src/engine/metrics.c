/*
 * metrics.c: the figures of a news article as typed records (see metrics.h).
 *
 * One left-to-right pass.  At each position where a figure may start (a
 * digit, a currency symbol or code, a spelled number, a month name) the
 * recogniser tries, in order: a calendar date (dates.h), a time of day or a
 * phone number (skipped: not figures), money with a currency before the
 * amount, and an amount followed by what it measures: a percent sign or
 * word, a currency, a unit of measure, an ordinal suffix or a counted noun
 * phrase.  Around a match it reads the qualifier before it ("more than") and
 * the change it describes ("up 9 percent year-on-year").
 *
 * Word lists and unit/currency tables are static data below.  Everything is
 * linear: each position is tried once and a match resumes after its end.
 */
#include "chrome.h"
#include "holidays.h"
#include "metrics.h"
#include "measures.h"
#include "sentences.h"
#include "utf8.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const at_metric_kind_names[] = {
	"money", "percent", "percentage_point", "count", "quantity", "year",
	"date", "ordinal", "fraction"
};

/* ---- tables ------------------------------------------------------------- */

/*
 * Patterns: a space matches one or more blanks or hyphens ("U.S.-dollar",
 * "billion-yuan"); letters match case-insensitively unless P_CASE.
 */
#define P_CASE		0x01		/* case-sensitive */
#define P_ATTACHED	0x02		/* only directly after the digits: 100t, 5l */
#define P_SPACED	0x04		/* only after a blank: "5 m", never "5m" */
#define P_POUND		0x08		/* "pounds": money only with a scale or a £ context */
#define P_NOHYPHEN	0x10		/* not after a hyphen */
#define P_KITCHEN	0x20		/* a kitchen measure: with a scale it counts servings */
#define P_ANGLE		0x40		/* an angle only after a verb of turning: "rotate 90 degrees" */

typedef struct CurrencyDef
{
	const char *pattern;
	const char *iso;			/* "" when there is no ISO code */
	int			shift;			/* subunit: value is divided by 10^shift (cents) */
	int			flags;
} CurrencyDef;

/* Currency names and codes after the amount: "42.5 billion yuan", "5 million USD" */
static const CurrencyDef currency_suffixes[] = {
	{"yuan", "CNY", 0, 0}, {"renminbi", "CNY", 0, 0}, {"RMB", "CNY", 0, 0},
	{"CNY", "CNY", 0, 0}, {"Chinese yuan", "CNY", 0, 0}, {"kuai", "CNY", 0, 0},
	{"\xe5\x85\x83", "CNY", 0, 0},	/* 元 */
	{"U.S. dollars", "USD", 0, 0}, {"U.S. dollar", "USD", 0, 0},
	{"US dollars", "USD", 0, 0}, {"US dollar", "USD", 0, 0},
	{"American dollars", "USD", 0, 0}, {"USD", "USD", 0, 0},
	{"dollars", "USD", 0, 0}, {"dollar", "USD", 0, 0},
	{"Hong Kong dollars", "HKD", 0, 0}, {"Hong Kong dollar", "HKD", 0, 0},
	{"HK dollars", "HKD", 0, 0}, {"HKD", "HKD", 0, 0},
	{"Australian dollars", "AUD", 0, 0}, {"Australian dollar", "AUD", 0, 0}, {"AUD", "AUD", 0, 0},
	{"Canadian dollars", "CAD", 0, 0}, {"Canadian dollar", "CAD", 0, 0}, {"CAD", "CAD", 0, 0},
	{"Singapore dollars", "SGD", 0, 0}, {"Singapore dollar", "SGD", 0, 0}, {"SGD", "SGD", 0, 0},
	{"New Zealand dollars", "NZD", 0, 0}, {"NZD", "NZD", 0, 0},
	{"New Taiwan dollars", "TWD", 0, 0}, {"Taiwan dollars", "TWD", 0, 0}, {"TWD", "TWD", 0, 0},
	{"euros", "EUR", 0, 0}, {"euro", "EUR", 0, 0}, {"EUR", "EUR", 0, 0},
	{"\xe2\x82\xac", "EUR", 0, 0},	/* € after the amount */
	{"pounds sterling", "GBP", 0, 0}, {"British pounds", "GBP", 0, 0},
	{"sterling", "GBP", 0, 0}, {"GBP", "GBP", 0, 0},
	{"pounds", "GBP", 0, P_POUND}, {"pound", "GBP", 0, P_POUND},
	{"pence", "GBP", 2, 0}, {"penny", "GBP", 2, 0}, {"pennies", "GBP", 2, 0},
	{"Japanese yen", "JPY", 0, 0}, {"yen", "JPY", 0, 0}, {"JPY", "JPY", 0, 0},
	{"Indian rupees", "INR", 0, 0}, {"rupees", "INR", 0, 0}, {"rupee", "INR", 0, 0},
	{"INR", "INR", 0, 0}, {"Pakistani rupees", "PKR", 0, 0}, {"Sri Lankan rupees", "LKR", 0, 0},
	{"won", "KRW", 0, P_CASE}, {"KRW", "KRW", 0, 0},
	{"Swiss francs", "CHF", 0, 0}, {"CHF", "CHF", 0, 0}, {"francs", "", 0, 0},
	{"roubles", "RUB", 0, 0}, {"rubles", "RUB", 0, 0}, {"RUB", "RUB", 0, 0},
	{"ringgit", "MYR", 0, 0}, {"MYR", "MYR", 0, 0}, {"baht", "THB", 0, 0}, {"THB", "THB", 0, 0},
	{"rupiah", "IDR", 0, 0}, {"IDR", "IDR", 0, 0}, {"dong", "VND", 0, P_CASE},
	{"pesos", "", 0, 0}, {"Mexican pesos", "MXN", 0, 0}, {"MXN", "MXN", 0, 0},
	{"Philippine pesos", "PHP", 0, 0},
	{"reais", "BRL", 0, 0}, {"BRL", "BRL", 0, 0}, {"rand", "ZAR", 0, P_CASE}, {"ZAR", "ZAR", 0, 0},
	{"Turkish lira", "TRY", 0, 0}, {"lira", "", 0, 0}, {"dirhams", "AED", 0, 0}, {"AED", "AED", 0, 0},
	{"riyals", "SAR", 0, 0}, {"SAR", "SAR", 0, 0}, {"naira", "NGN", 0, 0},
	{"Egyptian pounds", "EGP", 0, 0}, {"tenge", "KZT", 0, 0},
	{"kronor", "SEK", 0, 0}, {"SEK", "SEK", 0, 0}, {"kroner", "", 0, 0},
	{"NOK", "NOK", 0, 0}, {"DKK", "DKK", 0, 0},
	{"pesetas", "ESP", 0, 0}, {"guilders", "NLG", 0, 0}, {"Dutch guilders", "NLG", 0, 0},
	{"markka", "FIM", 0, 0}, {"Finnish markka", "FIM", 0, 0}, {"marks", "", 0, P_CASE},
	{"cents", "USD", 2, P_CASE}, {"cent", "USD", 2, P_CASE},	/* not "50 Cent" */
	/* millions in a code: "30 MUSD", "120 MEUR" */
	{"MUSD", "USD", -6, P_CASE}, {"MEUR", "EUR", -6, P_CASE}, {"MGBP", "GBP", -6, P_CASE},
	{"MAUD", "AUD", -6, P_CASE}, {"MCNY", "CNY", -6, P_CASE},
	{"bitcoins", "", 0, 0}, {"bitcoin", "", 0, 0}, {"BTC", "", 0, 0},
	/* the bitcoin's hundred-millionth; not the name "Satoshi" */
	{"satoshis", "", 8, P_CASE}, {"satoshi", "", 8, P_CASE},
	{"\xe2\x82\xa1", "CRC", 0, 0},	/* ₡ */
	{"\xe2\x82\xbe", "GEL", 0, 0},	/* ₾ */
	{"\xe2\x82\xad", "LAK", 0, 0},	/* ₭ */
	{"\xe0\xae\xb0\xe0\xaf\x82", "LKR", 0, 0},	/* ரூ */
	{"$", "USD", 0, P_SPACED},
};

/* Currency symbols and codes before the amount: "US$42.5 billion", "RMB 3 trillion" */
static const CurrencyDef currency_prefixes[] = {
	{"US$", "USD", 0, 0}, {"U.S.$", "USD", 0, 0}, {"US $", "USD", 0, 0}, {"U.S. $", "USD", 0, 0},
	{"USD$", "USD", 0, 0}, {"u.s $", "USD", 0, 0},
	{"HK$", "HKD", 0, 0}, {"HK $", "HKD", 0, 0}, {"HKD$", "HKD", 0, 0},
	{"A$", "AUD", 0, 0}, {"AU$", "AUD", 0, 0}, {"AUD$", "AUD", 0, 0},
	{"C$", "CAD", 0, 0}, {"C $", "CAD", 0, 0}, {"CA$", "CAD", 0, 0}, {"CAD$", "CAD", 0, 0},
	{"S$", "SGD", 0, 0}, {"NZ$", "NZD", 0, 0}, {"NZD$", "NZD", 0, 0},
	{"NT$", "TWD", 0, 0}, {"R$", "BRL", 0, 0}, {"Mex$", "MXN", 0, 0}, {"MXN$", "MXN", 0, 0},
	{"$", "USD", 0, 0},
	{"\xe2\x82\xac", "EUR", 0, 0},	/* € */
	/* HTML entities left in scraped text */
	{"&#163;", "GBP", 0, 0}, {"&pound;", "GBP", 0, 0}, {"&#8364;", "EUR", 0, 0},
	{"&euro;", "EUR", 0, 0}, {"&#165;", "CNY", 0, 0}, {"&yen;", "CNY", 0, 0}, {"&#36;", "USD", 0, 0},
	{"\xc2\xa3", "GBP", 0, 0},	/* £ */
	{"\xc2\xa5", "CNY", 0, 0},	/* ¥: yen or yuan, decided from context */
	{"\xef\xbf\xa5", "CNY", 0, 0},	/* fullwidth ￥ */
	{"\xe2\x82\xb9", "INR", 0, 0},	/* ₹ */
	{"\xe2\x82\xa9", "KRW", 0, 0},	/* ₩ */
	{"\xe2\x82\xbd", "RUB", 0, 0},	/* ₽ */
	{"\xe2\x82\xba", "TRY", 0, 0},	/* ₺ */
	{"\xe2\x82\xbf", "", 0, 0},		/* ₿ */
	{"Rs.", "INR", 0, P_CASE}, {"Rs", "INR", 0, P_CASE},
	{"MUSD", "USD", -6, P_CASE}, {"MEUR", "EUR", -6, P_CASE}, {"MGBP", "GBP", -6, P_CASE},
	{"MAUD", "AUD", -6, P_CASE},
	{"RMB", "CNY", 0, 0}, {"CNY", "CNY", 0, 0}, {"USD", "USD", 0, 0}, {"EUR", "EUR", 0, 0},
	{"GBP", "GBP", 0, 0}, {"JPY", "JPY", 0, 0}, {"HKD", "HKD", 0, 0}, {"INR", "INR", 0, 0},
	{"KRW", "KRW", 0, 0}, {"AUD", "AUD", 0, 0}, {"CAD", "CAD", 0, 0}, {"CHF", "CHF", 0, 0},
	{"SGD", "SGD", 0, 0}, {"TWD", "TWD", 0, 0}, {"RUB", "RUB", 0, 0}, {"MYR", "MYR", 0, 0},
};

/* Units of measure after an amount; canonical symbol in the unit column */
typedef struct UnitDef
{
	const char *pattern;
	const char *canon;
	int			flags;
} UnitDef;

static const UnitDef units[] = {
	/* length */
	{"kilometres", "km", 0}, {"kilometers", "km", 0}, {"kilometre", "km", 0},
	{"kilometer", "km", 0}, {"km", "km", P_CASE},
	{"metres", "m", 0}, {"meters", "m", 0}, {"metre", "m", 0}, {"meter", "m", 0},
	{"m", "m", P_CASE},
	{"centimetres", "cm", 0}, {"centimeters", "cm", 0}, {"centimetre", "cm", 0},
	{"centimeter", "cm", 0}, {"cm", "cm", P_CASE},
	{"millimetres", "mm", 0}, {"millimeters", "mm", 0}, {"millimetre", "mm", 0},
	{"millimeter", "mm", 0}, {"mm", "mm", P_CASE},
	{"nanometres", "nm", 0}, {"nanometers", "nm", 0}, {"nm", "nm", P_CASE},
	{"decimetres", "dm", 0}, {"decimeters", "dm", 0}, {"dm", "dm", P_CASE},
	{"nautical miles", "nmi", 0}, {"miles", "mi", 0}, {"mile", "mi", 0},
	{"feet", "ft", 0}, {"foot", "ft", 0}, {"ft", "ft", P_CASE},
	{"inches", "in", 0}, {"inch", "in", 0}, {"yards", "yd", 0}, {"yard", "yd", 0},
	/* area */
	{"square kilometres", "km2", 0}, {"square kilometers", "km2", 0},
	{"square kilometre", "km2", 0}, {"square kilometer", "km2", 0},
	{"sq km", "km2", 0}, {"km2", "km2", P_CASE}, {"km\xc2\xb2", "km2", P_CASE},
	{"square metres", "m2", 0}, {"square meters", "m2", 0}, {"square metre", "m2", 0},
	{"square meter", "m2", 0}, {"sq m", "m2", 0}, {"sqm", "m2", 0},
	{"m2", "m2", P_CASE}, {"m\xc2\xb2", "m2", P_CASE},
	{"square miles", "mi2", 0}, {"square mile", "mi2", 0},
	{"square feet", "ft2", 0}, {"square foot", "ft2", 0}, {"sq ft", "ft2", 0},
	{"hectares", "ha", 0}, {"hectare", "ha", 0}, {"ha", "ha", P_CASE},
	{"acres", "acre", 0}, {"acre", "acre", 0}, {"mu", "mu", P_CASE},
	/* mass */
	{"metric tons", "t", 0}, {"metric tonnes", "t", 0}, {"metric ton", "t", 0},
	{"tonnes", "t", 0}, {"tonne", "t", 0}, {"tons", "t", 0}, {"ton", "t", 0},
	{"t", "t", P_CASE | P_ATTACHED}, {"mt", "Mt", P_CASE | P_ATTACHED},
	{"kilograms", "kg", 0}, {"kilogrammes", "kg", 0}, {"kilogram", "kg", 0},
	{"kilos", "kg", 0}, {"kg", "kg", 0},
	{"milligrams", "mg", 0}, {"milligram", "mg", 0}, {"mg", "mg", P_CASE},
	{"micrograms", "\xce\xbcg", 0}, {"microgrammes", "\xce\xbcg", 0},
	{"microgram", "\xce\xbcg", 0}, {"\xce\xbcg", "\xce\xbcg", P_CASE}, {"mcg", "\xce\xbcg", P_CASE},
	{"grams", "g", 0}, {"grammes", "g", 0}, {"gram", "g", 0}, {"g", "g", P_CASE},
	{"pounds", "lb", P_POUND}, {"pound", "lb", P_POUND}, {"lbs", "lb", 0}, {"lb", "lb", 0},
	{"ounces", "oz", 0}, {"ounce", "oz", 0}, {"oz", "oz", P_CASE},
	{"carats", "ct", 0}, {"jin", "jin", P_CASE},
	/* volume */
	{"cubic metres", "m3", 0}, {"cubic meters", "m3", 0}, {"cubic metre", "m3", 0},
	{"cubic meter", "m3", 0}, {"m3", "m3", P_CASE}, {"m\xc2\xb3", "m3", P_CASE},
	{"cubic feet", "ft3", 0}, {"cubic foot", "ft3", 0},
	{"litres", "l", 0}, {"liters", "l", 0}, {"litre", "l", 0}, {"liter", "l", 0},
	{"l", "l", P_CASE | P_ATTACHED}, {"L", "l", P_CASE | P_ATTACHED},
	{"millilitres", "ml", 0}, {"milliliters", "ml", 0}, {"ml", "ml", 0},
	{"barrels", "bbl", 0}, {"barrel", "bbl", 0}, {"bbl", "bbl", 0},
	{"gallons", "gal", 0}, {"gallon", "gal", 0}, {"bcm", "bcm", P_CASE},
	{"tablespoons", "tbsp", P_KITCHEN}, {"tablespoon", "tbsp", P_KITCHEN},
	{"teaspoons", "tsp", P_KITCHEN}, {"teaspoon", "tsp", P_KITCHEN},
	{"cups", "cup", P_CASE | P_KITCHEN}, {"cup", "cup", P_CASE | P_KITCHEN},
	/* power and energy */
	{"kilowatt-hours", "kWh", 0}, {"kilowatt hours", "kWh", 0}, {"kWh", "kWh", 0},
	{"megawatt-hours", "MWh", 0}, {"MWh", "MWh", P_CASE}, {"GWh", "GWh", P_CASE},
	{"TWh", "TWh", P_CASE},
	{"kilowatts", "kW", 0}, {"kilowatt", "kW", 0}, {"kW", "kW", P_CASE},
	{"megawatts", "MW", 0}, {"megawatt", "MW", 0}, {"MW", "MW", P_CASE},
	{"gigawatts", "GW", 0}, {"gigawatt", "GW", 0}, {"GW", "GW", P_CASE},
	{"terawatts", "TW", 0}, {"watts", "W", 0}, {"watt", "W", 0}, {"W", "W", P_CASE | P_ATTACHED},
	{"horsepower", "hp", 0}, {"hp", "hp", P_CASE},
	{"joules", "J", 0}, {"kilojoules", "kJ", 0}, {"megajoules", "MJ", 0},
	{"kilocalories", "kcal", 0}, {"kcal", "kcal", 0}, {"calories", "cal", 0},
	{"Btu", "Btu", 0},
	/* speed (compound units like km/h are built from length and time) */
	{"mph", "mi/h", P_CASE}, {"kph", "km/h", P_CASE}, {"kmph", "km/h", P_CASE},
	{"knots", "kn", 0},
	/* information */
	{"bits", "bit", 0}, {"bit", "bit", 0}, {"bytes", "B", 0}, {"byte", "B", 0},
	{"kilobytes", "kB", 0}, {"megabytes", "MB", 0}, {"gigabytes", "GB", 0}, {"terabytes", "TB", 0},
	{"KB", "kB", P_CASE}, {"MB", "MB", P_CASE}, {"GB", "GB", P_CASE}, {"TB", "TB", P_CASE},
	{"PB", "PB", P_CASE}, {"mb", "Mb", P_CASE}, {"Mbps", "Mbit/s", 0}, {"Gbps", "Gbit/s", 0},
	/* temperature */
	{"degrees Celsius", "\xc2\xb0" "C", 0}, {"\xc2\xb0" "C", "\xc2\xb0" "C", P_CASE},
	{"degrees Fahrenheit", "\xc2\xb0" "F", 0}, {"\xc2\xb0" "F", "\xc2\xb0" "F", P_CASE},
	/* angles: degrees and turns are more often temperatures and counted turns */
	{"degrees", "deg", P_ANGLE}, {"degree", "deg", P_ANGLE}, {"turns", "turn", P_ANGLE},
	{"turn", "turn", P_ANGLE}, {"radians", "rad", 0}, {"radian", "rad", 0},
	{"rad", "rad", P_CASE | P_ATTACHED},
	/* shipping */
	{"TEUs", "TEU", P_CASE}, {"TEU", "TEU", P_CASE},
	/* ship capacity: a compound of "tons" is a unit, not a counted noun */
	{"deadweight tons", "dwt", 0}, {"deadweight tonnes", "dwt", 0}, {"deadweight ton", "dwt", 0},
	{"dwt", "dwt", 0}, {"compensated gross tons", "CGT", 0}, {"CGT", "CGT", P_CASE},
	{"gross tons", "GT", 0}, {"gross tonnes", "GT", 0},
	{"twenty-foot equivalent units", "TEU", 0}, {"twenty-foot equivalent unit", "TEU", 0},
};

/* Verbs of turning that make "N degrees" or "N turns" an angle: "turn left 45 degrees" */
static const char *const angle_verbs[] = {
	"rotate", "rotates", "rotated", "rotating", "turn", "turns", "turned", "turning",
	"tilt", "tilts", "tilted", "tilting", "spin", "spins", "spun", "spinning",
	"swing", "swings", "swung", "swivel", "swivelled", "swiveled", "pivot", "pivoted",
	"twist", "twisted", "veer", "veered",
};

/* How many words before the amount are read for a verb of turning */
#define ANGLE_VERB_WORDS	3

/* Turns after a fraction word: "a half turn", "a quarter turn" */
static const char *const turn_words[] = {
	"turn", "turns", "rotation", "rotations", "revolution", "revolutions",
};

/* Words of size after an inch mark (10" long, a 55" wide screen) */
static const char *const size_words[] = {
	"long", "wide", "tall", "high", "deep", "thick", "across", "screen", "display",
};

/* Time units for compound speeds: km/h, metres per second, miles an hour */
typedef struct TimeUnit
{
	const char *pattern;
	const char *canon;
} TimeUnit;

static const TimeUnit time_units[] = {
	{"hour", "h"}, {"hr", "h"}, {"h", "h"}, {"second", "s"}, {"sec", "s"}, {"s", "s"},
	{"millisecond", "ms"}, {"ms", "ms"}, {"minute", "min"}, {"min", "min"},
};

/* Canonical compound units, so the unit column stays a static string */
static const char *const compound_units[] = {
	"km/h", "m/s", "mi/h", "km/s", "m/ms", "cm/ms", "km/ms", "m/min", "km/min", "ft/s", "cm/s",
};

/* Percent signs and words */
typedef struct PercentDef
{
	const char *pattern;
	AtMetricKind kind;
	int			shift;			/* basis points: value / 100 */
} PercentDef;

static const PercentDef percent_words[] = {
	{"percentage points", AT_MK_PERCENTAGE_POINT, 0},
	{"percentage point", AT_MK_PERCENTAGE_POINT, 0},
	{"basis points", AT_MK_PERCENTAGE_POINT, 2},
	{"basis point", AT_MK_PERCENTAGE_POINT, 2},
	{"bps", AT_MK_PERCENTAGE_POINT, 2},
	{"ppts", AT_MK_PERCENTAGE_POINT, 0},
	{"pp", AT_MK_PERCENTAGE_POINT, 0},
	{"%", AT_MK_PERCENT, 0},
	{"\xef\xbc\x85", AT_MK_PERCENT, 0},	/* fullwidth ％ */
	{"percents", AT_MK_PERCENT, 0},
	{"percentage", AT_MK_PERCENT, 0},
	{"percent", AT_MK_PERCENT, 0},
	{"per cent", AT_MK_PERCENT, 0},
	{"pct", AT_MK_PERCENT, 0},
};

/*
 * Determiners before a percent word or sign with no figure: "a small
 * percent", "the % of", "what percentage": a share the text names but does
 * not give (a row with no value)
 */
static const char *const percent_mention_det[] = {
	"a", "an", "the", "what", "which", "this", "that", "its", "their", "his", "her",
	"our", "your", "whose", "any", "each", "every",
};

/* Adjectives read between such a determiner and the percent word: "a small percent" */
#define PERCENT_MENTION_WORDS	2

/* Qualifiers before an amount, longest first where one ends another */
static const char *const qualifiers[] = {
	"more than", "no more than", "no less than", "less than", "fewer than",
	"as many as", "as much as", "as few as", "as little as", "at least", "at most",
	"up to", "close to", "in excess of", "upwards of", "an estimated", "estimated",
	"nearly", "almost", "about", "around", "approximately", "roughly", "some",
	"over", "under", "above", "below", "just over", "just under", "well over",
	"an average of", "a total of", "a record", "only", "just",
};

/* Words of change before or after an amount */
typedef struct ChangeWord
{
	const char *word;
	bool		up;
} ChangeWord;

static const ChangeWord change_words[] = {
	{"up", true}, {"rose", true}, {"rise", true}, {"rises", true}, {"risen", true},
	{"rising", true}, {"increase", true}, {"increased", true}, {"increases", true},
	{"increasing", true}, {"grew", true}, {"grow", true}, {"grown", true},
	{"growth", true}, {"growing", true}, {"gain", true}, {"gained", true},
	{"gains", true}, {"jump", true}, {"jumped", true}, {"jumps", true},
	{"surge", true}, {"surged", true}, {"soared", true}, {"soar", true},
	{"climbed", true}, {"climb", true}, {"expanded", true}, {"expansion", true},
	{"rebounded", true}, {"advanced", true}, {"hike", true}, {"higher", true},
	{"down", false}, {"fell", false}, {"fall", false}, {"falls", false},
	{"fallen", false}, {"falling", false}, {"drop", false}, {"dropped", false},
	{"drops", false}, {"decline", false}, {"declined", false}, {"declines", false},
	{"declining", false}, {"decrease", false}, {"decreased", false},
	{"decreases", false}, {"dip", false}, {"dipped", false}, {"slid", false},
	{"slide", false}, {"slump", false}, {"slumped", false}, {"plunged", false},
	{"plunge", false}, {"shrank", false}, {"shrink", false}, {"contracted", false},
	{"contraction", false}, {"tumbled", false}, {"slipped", false}, {"lower", false},
	{"reduction", false}, {"cut", false}, {"loss", false}, {"eased", false},
};

/* Words allowed between a change word and the amount: "rose by about 5%" */
static const char *const change_fillers[] = {
	"by", "of", "a", "an", "the", "some", "year-on-year", "annual", "sharp",
	"sharply", "slightly", "steep", "modest", "marginal", "nearly", "about",
	"around", "almost", "over", "more", "than", "roughly", "approximately", "just",
	"respectively", "further", "another", "record", "an", "estimated",
};

/* Verbs that make "up" / "down" a particle: "set up a fund", "cut down 5 trees" */
static const char *const phrasal_verbs[] = {
	"set", "sets", "setting", "build", "built", "builds", "make", "made", "makes", "pick", "picked",
	"open", "opened", "end", "ended", "sign", "signed", "take", "took", "taken", "put", "puts",
	"come", "came", "show", "showed", "draw", "drew", "drawn", "step", "stepped", "ramp", "ramped",
	"speed", "sped", "scale", "scaled", "shore", "gear", "geared", "use", "used", "break", "broke",
	"shut", "cut", "turn", "turned", "back", "backed", "bring", "brought", "write", "wrote",
	"stand", "stood", "sit", "sat", "pay", "paid", "give", "gave", "line", "lined", "sum",
	"summed", "add", "added", "tie", "tied", "team", "teamed", "shut", "close", "closed", "mark", "marked",
	"hold", "held", "wind", "wound", "clean", "cleaned", "slow", "slowed", "narrow", "narrowed",
};

/* Periods of a change */
static const char *const periods[] = {
	"year-on-year", "year on year", "year-over-year", "year over year", "y-o-y", "yoy",
	"month-on-month", "month on month", "quarter-on-quarter", "quarter on quarter",
	"week-on-week", "day-on-day",
};

/* "from a year earlier" and friends name the period year-on-year */
static const char *const yoy_phrases[] = {
	"from a year earlier", "from a year ago", "over the previous year",
	"from the previous year", "compared with a year earlier",
	"over the same period last year", "from the same period last year",
	"compared with the same period last year", "compared to the same period last year",
};

/* Words that end a counted noun phrase */
static const char *const np_stop[] = {
	/* irregular verbs in the past tense (regular ones end in -ed) */
	"grew", "rose", "fell", "saw", "won", "lost", "began", "went", "got", "hit", "led", "ran",
	"paid", "sold", "bought", "built", "spent", "kept", "left", "held", "brought", "told", "gave",
	"took", "became", "put", "set", "met", "made", "said",
	"a", "about", "above", "according", "across", "after", "again", "against", "ago",
	"all", "almost", "along", "already", "also", "although", "among", "an", "and",
	"annually", "another", "any", "apiece", "are", "around", "as", "at", "be",
	"became", "because", "been", "before", "being", "below", "between", "both",
	"but", "by", "came", "can", "come", "could", "did", "do", "does", "down",
	"during", "each", "earlier", "either", "else", "ended", "even", "ever",
	"every", "for", "from", "globally", "had", "has", "have", "he", "her", "here",
	"his", "however", "if", "in", "including", "into", "is", "it", "its", "just",
	"last", "later", "less", "like", "made", "make", "many", "may", "might",
	"more", "most", "much", "must", "nationwide", "near", "nearly", "next", "no",
	"nor", "not", "now", "of", "off", "on", "once", "only", "onto", "or", "other",
	"our", "out", "over", "overall", "past", "per", "respectively", "said", "same",
	"say", "says", "she", "should", "since", "so", "some", "still", "such-and",
	"than", "that", "the", "their", "them", "then", "there", "these", "they",
	"this", "those", "through", "thus", "to", "too", "toward", "towards", "under",
	"until", "up", "upon", "via", "was", "we", "were", "what", "when", "where",
	"whereas", "which", "while", "who", "whom", "whose", "will", "with", "within",
	"without", "worldwide", "would", "year-on-year", "yet", "you",
};

/* Determiners before "one" that make it a pronoun: "the one", "this one" */
static const char *const one_pronoun_before[] = {
	"the", "this", "that", "which", "no", "any", "every", "each", "another",
	"someone", "anyone", "only", "last",
};

/* Words after which "three quarters" counts periods, not a fraction */
static const char *const period_count_before[] = {
	"first", "last", "past", "next", "previous", "following", "coming", "recent",
	"latest", "final",
};

/*
 * Words before a small spelled number that make it a reference to things
 * named before, a rank or a period, not a figure: "the two sides", "the top
 * two films", "the first two months"
 */
static const char *const reference_before[] = {
	"the", "these", "those", "its", "their", "our", "his", "her", "both", "all",
	"top", "first", "last", "next", "past", "previous", "other", "coming",
	"following", "latest", "final",
};

/*
 * Duration nouns.  A count of them is a period ("for three years", "the
 * past 10 years"), not a figure; a range of them is a quantity ("one or two
 * years", unit "years").
 */
typedef struct DurationDef
{
	const char *word;
	const char *canon;
} DurationDef;

static const DurationDef durations[] = {
	{"years", "years"}, {"year", "years"}, {"months", "months"}, {"month", "months"},
	{"quarters", "quarters"}, {"quarter", "quarters"}, {"weeks", "weeks"}, {"week", "weeks"},
	{"days", "days"}, {"day", "days"}, {"decades", "decades"}, {"decade", "decades"},
	{"hours", "hours"}, {"hour", "hours"}, {"minutes", "minutes"}, {"minute", "minutes"},
	{"seconds", "seconds"},
};

/*
 * What a price or rate may be per after "a" / "an" ("3,870 yuan a ton",
 * "two new unicorns a year"); after "per" any word is taken.
 */
static const char *const per_after_article[] = {
	"ton", "tonne", "kilogram", "kilo", "barrel", "year", "month", "week", "day", "night",
	"hour", "head", "piece", "unit", "share", "person", "household", "liter", "litre",
	"gallon", "pound", "ounce", "bushel", "kilowatt-hour", "megawatt-hour",
};

/* Words after "per" that name no unit of a rate: "per capita income" */
static const char *const per_not_unit[] = {
	"capita", "cent", "se",
};

/* Words between a price and its base: "down from", "compared with about" */
static const char *const base_links[] = {
	"down", "up", "from", "compared", "with", "against", "about", "around", "nearly",
	"almost", "roughly", "approximately",
};

/* How many words before a figure are read for "price per parcel ... 7.5 yuan" */
#define PER_BEFORE_WORDS	8

/* Words after "a year" / "a month" that make it a time, not a rate: "a year earlier" */
static const char *const not_per_after[] = {
	"earlier", "ago", "before", "after", "later", "apart", "old",
};

/* Nouns named by a size class in front of them: "twenty-foot container" */
static const char *const class_nouns[] = {
	"container", "containers", "equivalent", "box", "boxes", "truck", "trucks", "trailer",
	"trailers", "class",
};

/* Words in a duration's phrase that make it a streak, not a figure: "nine consecutive years" */
static const char *const streak_words[] = {
	"consecutive", "straight", "successive", "running",
};

/* Plural-looking words that are no plural head of a counted noun phrase */
static const char *const not_plural[] = {
	"news", "series", "species", "means", "gas", "bus", "plus", "status", "bonus", "campus",
	"census", "corpus", "virus", "chassis", "analysis", "basis", "crisis", "thesis", "axis",
	"sales", "goods", "earnings", "savings", "arms", "headquarters", "economics", "logistics",
	"overseas", "whereas", "nevertheless", "thus", "always", "perhaps", "besides", "across",
	"electronics", "physics", "mathematics", "statistics", "politics", "tennis",
};

/* Plurals without an "s": "the 300 staff" counts them */
static const char *const plural_nouns[] = {
	"people", "staff", "personnel", "crew", "police", "cattle", "livestock", "poultry",
	"aircraft", "spacecraft", "sheep", "fish", "deer", "swine", "children", "men", "women",
	"youth", "offspring", "data", "media", "alumni", "faculty", "clergy", "head", "pairs",
};

/* Determiners before "DIGITS singular-noun" that make the number a label: "the 12306 platform" */
static const char *const name_determiners[] = {
	"the", "this", "that", "its", "their", "our", "his", "her",
};

/* Fraction words that stand for a share with "of" after them: "half of the firms" */
typedef struct FractionWord
{
	const char *pattern;
	int			denom;
} FractionWord;

static const FractionWord fraction_words[] = {
	{"half", 2}, {"a half", 2}, {"a third", 3}, {"a quarter", 4}, {"a fifth", 5}, {"a tenth", 10},
};

/* Approximators before a fraction word that make it a share: "down nearly half" */
static const char *const fraction_approximators[] = {
	"nearly", "almost", "about", "around", "roughly", "approximately", "than", "over",
	"under", "some",
};

/* Words before "half" / "quarter" that make it a period: "the first half of 2023" */
static const char *const fraction_period_before[] = {
	"first", "second", "third", "fourth", "latter", "last", "final", "past", "next",
	"previous", "other", "this", "that",
};

/* Names that take a version number, which is no figure: "Industry 4.0", "Web 3.0" */
static const char *const version_names[] = {
	"industry", "version", "web",
};

/* Words after "aged 60 or" that make the age a group's bound */
static const char *const age_bounds[] = {
	"above", "older", "over", "under", "below", "younger", "more", "less",
};

/* Counted nouns that make the figure an age in years */
static const char *const age_units[] = {
	"year-old", "years old", "year old", "years-old",
};

/* ---- small text helpers ------------------------------------------------- */

/* A letter just before pos, which ends a multi-byte character */
static AT_NOINLINE bool
letter_before_utf8(const char *s, size_t pos)
{
	uint32_t	cp;

	at_utf8_decode_prev(s, pos, &cp);
	return at_cp_is_alpha(cp);
}

/* Letter or digit just before pos (inline: the scan asks at every word) */
static inline bool
alnum_before(const char *s, size_t pos)
{
	if (pos == 0)
		return false;
	if ((unsigned char) s[pos - 1] < 0x80)
		return at_is_ascii_alpha((unsigned char) s[pos - 1]) ||
			(s[pos - 1] >= '0' && s[pos - 1] <= '9');
	return letter_before_utf8(s, pos);
}

static inline bool
is_blank_byte(char c)
{
	return c == ' ' || c == '\t';
}

/* Blanks (space, tab, no-break space) at pos: their byte length */
static size_t
blank_len(const char *s, size_t len, size_t pos)
{
	size_t		p = pos;

	for (;;)
	{
		if (p < len && is_blank_byte(s[p]))
			p++;
		else if (p + 1 < len && (unsigned char) s[p] == 0xC2 && (unsigned char) s[p + 1] == 0xA0)
			p += 2;
		else if (p + 2 < len && (unsigned char) s[p] == 0xE2 && (unsigned char) s[p + 1] == 0x80 &&
				 ((unsigned char) s[p + 2] == 0xAF || (unsigned char) s[p + 2] == 0x89))
			p += 3;
		else
			break;
	}
	return p - pos;
}

/* Start of the blanks that end just before pos */
static size_t
back_blanks(const char *s, size_t pos)
{
	while (pos > 0 && is_blank_byte(s[pos - 1]))
		pos--;
	return pos;
}

static inline char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c | 0x20) : c;
}

/*
 * Match a pattern at pos; returns the end offset or 0.  A space in the
 * pattern matches blanks or a hyphen (at least one), '.' matches itself.
 */
static size_t
match_pattern(const char *s, size_t len, size_t pos, const char *pat, bool ci)
{
	size_t		p = pos;

	for (const char *c = pat; *c; c++)
	{
		if (*c == ' ')
		{
			size_t		b = blank_len(s, len, p);

			if (b == 0 && p < len && s[p] == '-')
				b = 1 + blank_len(s, len, p + 1);
			if (b == 0)
				return 0;
			p += b;
		}
		else if (p >= len)
			return 0;
		else if (ci ? lower(s[p]) != lower(*c) : s[p] != *c)
			return 0;
		else
			p++;
	}
	return p;
}

/* The pattern at pos ends a word there (the next character is not a letter or digit) */
static inline size_t
match_word(const char *s, size_t len, size_t pos, const char *pat, bool ci)
{
	size_t		e;
	char		last;

	/* most tries fail at the first letter: no call (match_pattern() would say 0) */
	if (*pat != ' ' && *pat != '\0' &&
		(pos >= len || (ci ? lower(s[pos]) != lower(*pat) : s[pos] != *pat)))
		return 0;
	e = match_pattern(s, len, pos, pat, ci);
	if (e == 0)
		return 0;
	/* a pattern ending in a symbol or period needs no boundary (it matched: e > pos) */
	last = s[e - 1];
	if (at_is_ascii_alpha((unsigned char) last) || (last >= '0' && last <= '9'))
	{
		if (at_alnum_at(s, len, e))
			return 0;
	}
	return e;
}

/*
 * Words are read within WORD_WINDOW bytes: they are looked up in word lists
 * (none longer than a few dozen letters) from every figure, so reading a whole
 * hyphenated run ("one-one-one-...") from each would be quadratic.  A longer
 * run is cut at the window, which no list word matches.
 */
#define WORD_WINDOW 64

/*
 * ASCII word (letters, digits, inner hyphens and apostrophes) at pos: its
 * length, read on from p (pos <= p, s[pos, p) known to be letters)
 */
static size_t
word_from(const char *s, size_t len, size_t pos, size_t p)
{
	size_t		stop = len - pos > WORD_WINDOW ? pos + WORD_WINDOW : len;

	while (p < stop)
	{
		unsigned char c;

		/* letters and digits a run at a time (utf8.h) */
		p += at_ascii_run(s, stop, p, true);
		if (p >= stop)
			break;
		c = (unsigned char) s[p];
		if ((c == '-' || c == '\'') && p > pos && at_alpha_at(s, len, p + 1))
			p++;
		else if (c == 0xE2 && p + 2 < len && (unsigned char) s[p + 1] == 0x80 &&
				 (unsigned char) s[p + 2] == 0x99 && p > pos && at_alpha_at(s, len, p + 3))
			p += 3;				/* ’ */
		else
			break;
	}
	return p - pos;
}

/* ASCII word (letters, digits, inner hyphens and apostrophes) at pos: its length */
static size_t
word_at(const char *s, size_t len, size_t pos)
{
	return word_from(s, len, pos, pos);
}

static bool
word_eq(const char *s, size_t wl, const char *w)
{
	size_t		i;

	for (i = 0; i < wl; i++)
		if (w[i] == '\0' || lower(s[i]) != w[i])
			return false;
	return w[i] == '\0';
}

/* An age: "NAME, 56,", "a 14-year-old boy", "aged 30" are quantities in years */
static void
as_age(AtMetric *m)
{
	m->kind = AT_MK_QUANTITY;
	m->unit = "years";
	m->unit_len = 5;
}

/* The word ending just before pos (after skipping blanks): its start, length 0 if none */
static size_t
word_before(const char *s, size_t pos, size_t *wl)
{
	size_t		e = back_blanks(s, pos),
				b = e,
				stop = e > WORD_WINDOW ? e - WORD_WINDOW : 0;

	while (b > stop && (at_is_ascii_alpha((unsigned char) s[b - 1]) || s[b - 1] == '-'))
		b--;
	while (b < e && s[b] == '-')
		b++;
	*wl = e - b;
	return b;
}

/* A phrase from list ending exactly at pos (before blanks): start offset or SIZE_MAX */
static size_t
phrase_before(const char *s, size_t pos, const char *const *list, size_t n,
			  const char **which)
{
	size_t		e = back_blanks(s, pos);
	size_t		best = SIZE_MAX;

	/* the lengths of the phrases of the last list (static data), kept across calls */
	static const char *const *len_list = NULL;
	static uint16_t lens[64];
	static uint64_t by_last[26];	/* of that list: bit i, phrase i ends in that letter */
	uint64_t	todo;

	/* cheap tests first: every phrase ends in a letter */
	if (e == 0 || !at_is_ascii_alpha((unsigned char) s[e - 1]))
		return SIZE_MAX;
	if (list != len_list && n <= AT_LENGTHOF(lens))
	{
		memset(by_last, 0, sizeof(by_last));
		for (size_t i = 0; i < n; i++)
		{
			lens[i] = (uint16_t) AT_MIN(strlen(list[i]), UINT16_MAX);
			if (lens[i] == UINT16_MAX)	/* never: its end is found below */
				for (int k = 0; k < 26; k++)
					by_last[k] |= UINT64_C(1) << i;
			else if (lens[i] > 0 && list[i][lens[i] - 1] >= 'a' && list[i][lens[i] - 1] <= 'z')
				by_last[list[i][lens[i] - 1] - 'a'] |= UINT64_C(1) << i;
		}
		len_list = list;
	}
	todo = list == len_list ? by_last[lower(s[e - 1]) - 'a'] : 0;
	for (size_t i = 0; i < n; i++)
	{
		size_t		pl,
					b;

		/* only the phrases ending in the letter before pos, in list order (the others fail below) */
		if (list == len_list)
		{
			if (todo == 0)
				break;
			i = (size_t) __builtin_ctzll(todo);
			todo &= todo - 1;
		}
		pl = list == len_list && lens[i] < UINT16_MAX ? lens[i] : strlen(list[i]);
		if (pl > e || lower(s[e - 1]) != list[i][pl - 1])
			continue;
		b = e - pl;
		if (match_pattern(s, e, b, list[i], true) != e)
			continue;
		if (b > 0 && alnum_before(s, b))
			continue;
		if (best == SIZE_MAX || b < best)
		{
			best = b;
			*which = list[i];
		}
	}
	return best;
}

/* The alphanumeric run ending at pos has a letter: "COVID" in COVID-19, "scp2" */
static bool
identifier_before(const char *s, size_t pos)
{
	while (pos > 0 && ((unsigned char) s[pos - 1] < 0x80) &&
		   (at_is_ascii_alpha((unsigned char) s[pos - 1]) || (s[pos - 1] >= '0' && s[pos - 1] <= '9')))
	{
		if (at_is_ascii_alpha((unsigned char) s[pos - 1]))
			return true;
		pos--;
	}
	return false;
}

/* A web or mail address at pos: its length (figures inside are no figures) */
static size_t
address_at(const char *s, size_t len, size_t pos)
{
	size_t		p = pos;

	if (!(match_pattern(s, len, pos, "http://", true) || match_pattern(s, len, pos, "https://", true) ||
		  match_pattern(s, len, pos, "www.", true)))
		return 0;
	while (p < len && !is_blank_byte(s[p]) && s[p] != '\n' && s[p] != '\r' && s[p] != '"' &&
		   s[p] != '<' && s[p] != '>')
		p++;
	return p - pos;
}

/* ---- the recogniser ----------------------------------------------------- */

typedef struct Scan
{
	const char *s;
	size_t		len;
	bool		token_mode;		/* at_metric_token_at: no context work */
	/*
	 * Context looked up around a position (yen or yuan, sterling nearby),
	 * cached per block of CONTEXT_BLOCK bytes so that a text full of "¥"
	 * stays linear.
	 */
	size_t		yen_block;
	const char *yen_iso;
	size_t		pound_block;
	bool		pound_near;
	const AtDay *ref;			/* the reference date, or NULL */
} Scan;

#define CONTEXT_BLOCK 128
#define NO_BLOCK SIZE_MAX

/* Yen or yuan for ¥: look for the other words in the surrounding text */
static const char *
yen_or_yuan(const char *s, size_t len, size_t pos)
{
	size_t		from = pos > 400 ? pos - 400 : 0;
	size_t		to = AT_MIN(len, pos + 400);
	int			yen = 0,
				yuan = 0;

	for (size_t p = from; p + 3 <= to; p++)
	{
		char		c = s[p];

		if (c != 'y' && c != 'J' && c != 'T' && c != 'C' && c != 'R')
			continue;
		if (match_word(s, to, p, "yen", false) || match_pattern(s, to, p, "Japan", false) ||
			match_pattern(s, to, p, "Tokyo", false))
			yen++;
		else if (match_word(s, to, p, "yuan", false) || match_pattern(s, to, p, "China", false) ||
				 match_pattern(s, to, p, "Chinese", false) || match_word(s, to, p, "RMB", false))
			yuan++;
	}
	return yen > yuan ? "JPY" : "CNY";
}

/*
 * Table entries by the folded first byte of their pattern, built once per
 * backend (read-only afterwards): the scan tries these tables at every
 * number and every capitalised word, so it looks only at the entries that
 * can match.
 */
typedef struct FirstIndex
{
	bool		built;
	uint16_t	start[257];
	uint16_t	list[512];
} FirstIndex;

static const FirstIndex *
first_index(FirstIndex *ix, const void *tab, size_t n, size_t stride)
{
	if (!ix->built)
	{
		uint16_t	count[257] = {0};

		if (n > AT_LENGTHOF(ix->list))
			n = AT_LENGTHOF(ix->list);	/* never: the tables are far smaller */
		for (size_t i = 0; i < n; i++)
		{
			const char *p = *(const char *const *) ((const char *) tab + i * stride);

			count[(unsigned char) lower(p[0]) + 1]++;
		}
		for (int k = 1; k <= 256; k++)
			count[k] += count[k - 1];
		memcpy(ix->start, count, sizeof(count));
		for (size_t i = 0; i < n; i++)
		{
			const char *p = *(const char *const *) ((const char *) tab + i * stride);

			ix->list[count[(unsigned char) lower(p[0])]++] = (uint16_t) i;
		}
		ix->built = true;
	}
	return ix;
}

/* Best (longest) currency match from a table at pos */
static const CurrencyDef *
match_currency(const CurrencyDef *tab, size_t n, const char *s, size_t len, size_t pos,
			   size_t *end, bool prefix)
{
	static FirstIndex prefix_ix,
				suffix_ix;
	const FirstIndex *ix = first_index(prefix ? &prefix_ix : &suffix_ix, tab, n, sizeof(tab[0]));
	unsigned	k;
	const CurrencyDef *best = NULL;

	*end = 0;
	/* "5m " at the very end of the text: callers may skip blanks up to len */
	if (pos >= len)
		return NULL;
	k = (unsigned char) lower(s[pos]);
	for (unsigned j = ix->start[k]; j < ix->start[k + 1]; j++)
	{
		size_t		i = ix->list[j],
					e;

		if (!(tab[i].flags & P_CASE) && (unsigned char) tab[i].pattern[0] < 0x80 &&
			lower(tab[i].pattern[0]) != lower(s[pos]))
			continue;
		if ((tab[i].flags & P_CASE || (unsigned char) tab[i].pattern[0] >= 0x80) &&
			tab[i].pattern[0] != s[pos])
			continue;
		if (prefix)
		{
			/* "USD115", "RMB3 trillion": a letter may not follow, a digit may */
			e = match_pattern(s, len, pos, tab[i].pattern, !(tab[i].flags & P_CASE));
			if (e && at_alpha_at(s, len, e) && at_alpha_at(s, len, e - 1))
				e = 0;
		}
		else
			e = match_word(s, len, pos, tab[i].pattern, !(tab[i].flags & P_CASE));
		if (e > *end)
		{
			*end = e;
			best = &tab[i];
		}
	}
	return best;
}

/* A unit of measure at pos (attached says no blank came before) */
static const UnitDef *
match_unit(const char *s, size_t len, size_t pos, bool attached, size_t *end)
{
	static FirstIndex unit_ix;
	const FirstIndex *ix = first_index(&unit_ix, units, AT_LENGTHOF(units), sizeof(units[0]));
	unsigned	k = (unsigned char) lower(s[pos]);
	const UnitDef *best = NULL;

	*end = 0;
	for (unsigned j = ix->start[k]; j < ix->start[k + 1]; j++)
	{
		const UnitDef *u = &units[ix->list[j]];
		size_t		e;

		if ((u->flags & P_ATTACHED) && !attached)
			continue;
		if (lower(u->pattern[0]) != lower(s[pos]) && (unsigned char) u->pattern[0] < 0x80)
			continue;
		e = match_word(s, len, pos, u->pattern, !(u->flags & P_CASE));
		if (e > *end)
		{
			*end = e;
			best = u;
		}
	}
	return best;
}

/* A compound speed after a length unit: "/h", " per hour", " an hour" */
static const char *
compound_unit(const char *s, size_t len, const char *canon, size_t pos, size_t *end)
{
	size_t		p = pos;
	char		buf[16];

	if (p < len && s[p] == '/')
		p++;
	else
	{
		size_t		b = blank_len(s, len, p),
					e;

		if (b == 0)
			return NULL;
		if ((e = match_word(s, len, p + b, "per", true)) == 0 &&
			(e = match_word(s, len, p + b, "an", true)) == 0 &&
			(e = match_word(s, len, p + b, "a", true)) == 0)
			return NULL;
		p = e + blank_len(s, len, e);
		if (p == e)
			return NULL;
	}
	for (size_t i = 0; i < AT_LENGTHOF(time_units); i++)
	{
		size_t		e = match_word(s, len, p, time_units[i].pattern, true);

		if (e == 0)
			continue;
		if (strlen(canon) + strlen(time_units[i].canon) + 2 > sizeof(buf))
			return NULL;
		strcpy(buf, canon);
		strcat(buf, "/");
		strcat(buf, time_units[i].canon);
		for (size_t k = 0; k < AT_LENGTHOF(compound_units); k++)
			if (strcmp(compound_units[k], buf) == 0)
			{
				*end = e;
				return compound_units[k];
			}
		return NULL;
	}
	return NULL;
}

/* Percent sign or word at pos (after optional blanks); kind and end */
static const PercentDef *
match_percent(const char *s, size_t len, size_t pos, size_t *end)
{
	size_t		p = pos + blank_len(s, len, pos);

	if (p >= len)
		return NULL;
	for (size_t i = 0; i < AT_LENGTHOF(percent_words); i++)
	{
		size_t		e;

		if (lower(percent_words[i].pattern[0]) != lower(s[p]))
			continue;
		/* "pp" and "bps" only as abbreviations: lower case */
		e = match_word(s, len, p, percent_words[i].pattern,
					   percent_words[i].pattern[0] != 'p' || percent_words[i].pattern[1] != 'p');
		if (e)
		{
			*end = e;
			return &percent_words[i];
		}
	}
	return NULL;
}

/* End of a digit group of a phone-like run: count it, note its length */
static inline void
close_group(int *group_len, int *groups, int *first_group, int *non3)
{
	if (*group_len == 0)
		return;
	(*groups)++;
	if (*groups == 1)
		*first_group = *group_len;
	else if (*group_len != 3)
		(*non3)++;
	*group_len = 0;
}

/* Phone numbers: 86-10-6499 1234, (010) 6499-1234, +86 10 6499 1234 */
static size_t
phone_run(const char *s, size_t len, size_t pos)
{
	size_t		p = pos,
				last_digit_end = pos;
	int			groups = 0,
				digits = 0,
				group_len = 0,
				first_group = 0,
				non3 = 0;
	bool		hyphen = false,
				paren = false,
				plus = false;

	if (s[p] == '+')
	{
		plus = true;
		p++;
	}
	while (p < len)
	{
		char		c = s[p];

		if (c >= '0' && c <= '9')
		{
			digits++;
			group_len++;
			p++;
			last_digit_end = p;
			continue;
		}
		close_group(&group_len, &groups, &first_group, &non3);
		if ((c == '-' || c == ' ' || c == '(' || c == ')' || c == '.') &&
			(at_digit_at(s, len, p + 1) || (c == ')' && p + 1 < len && s[p + 1] == ' ' && at_digit_at(s, len, p + 2)) ||
			 (c == '(' && at_digit_at(s, len, p + 1))))
		{
			hyphen |= c == '-';
			paren |= c == '(' || c == ')';
			if (c == '.' && !hyphen)
				break;			/* a decimal point */
			p++;
			continue;
		}
		break;
	}
	close_group(&group_len, &groups, &first_group, &non3);
	if (digits < 7 || groups < 2)
		return 0;
	/* 1 234 567 is a number, 2016-2020 a range of years */
	if (!hyphen && !paren && !plus && (groups < 3 || digits < 9 || (non3 == 0 && first_group <= 3)))
		return 0;
	if (groups == 2 && digits == 8 && hyphen && first_group == 4)
		return 0;
	return last_digit_end - pos;
}

/*
 * Is s[ls..le) a page chrome line (copyright, registration, contact, share
 * and comment widgets, navigation)?  The one classifier of chrome.h, with
 * two kinds kept: a photo caption's figures are the article's, and a line
 * without letters ("100%", "$20", "1,2,3") may be the whole input, a table
 * row or a score line, whose figures are read as before.
 */
static bool
chrome_line(const char *s, size_t ls, size_t le)
{
	AtChromeKind k = at_chrome_line(s, ls, le, NULL);

	return k != AT_CHROME_NONE && k != AT_CHROME_CAPTION && k != AT_CHROME_MARKUP;
}

/* chrome_line once per line: *known is -1 until the line is classified */
static bool
chrome_line_cached(const char *s, size_t ls, size_t le, int *known)
{
	if (*known < 0)
		*known = chrome_line(s, ls, le);
	return *known > 0;
}

/* A plural noun: "companies", "firms" (not "news", "gas", "business") */
static bool
is_plural(const char *w, size_t wl)
{
	char		z = wl > 3 ? lower(w[wl - 1]) : '\0';

	if (z != 's' || strchr("siu'", lower(w[wl - 2])) != NULL)
		return false;
	return !at_word_in(w, wl, not_plural, AT_LENGTHOF(not_plural));
}

/* "SMEs", "NEVs": capitals and a plural "s" */
static bool
plural_acronym(const char *w, size_t wl)
{
	if (wl < 3 || w[wl - 1] != 's')
		return false;
	for (size_t i = 0; i + 1 < wl; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return false;
	return true;
}

/*
 * A stop word that is inside a counted noun phrase: "two more carmakers",
 * "inbound and outbound trips" ("and" after a word that is no plural, before
 * a word that is no stop word)
 */
static bool
np_inner_word(const char *s, size_t len, size_t p, size_t wl, int nw, const char *phrase, size_t plen)
{
	size_t		q = p + wl + blank_len(s, len, p + wl),
				ql = word_at(s, len, q);

	if (q == p + wl || ql == 0 || at_digit_at(s, len, q) ||
		at_word_in(s + q, ql, np_stop, AT_LENGTHOF(np_stop)) ||
		at_number_word_at(s, len, q, &(size_t) {0}) >= 0)
		return false;
	/* "two more carmakers", "90,000 more people" (but "one more" is an idiom) */
	if (nw == 0)
		return word_eq(s + p, wl, "more") && !(p >= 4 && word_eq(s + p - 4, 3, "one"));
	if (!word_eq(s + p, wl, "and") && !word_eq(s + p, wl, "or"))
		return false;
	/* the word before "and" ends the phrase so far: "inbound" */
	{
		size_t		b = plen;

		while (b > 0 && phrase[b - 1] != ' ')
			b--;
		return !is_plural(phrase + b, plen - b) && s[q] >= 'a' && s[q] <= 'z';
	}
}

/* "years old" at pos: an age phrase, read whole */
static bool
age_phrase_at(const char *s, size_t len, size_t pos)
{
	for (size_t i = 0; i < AT_LENGTHOF(age_units); i++)
		if (match_word(s, len, pos, age_units[i], true))
			return true;
	return false;
}

/* Counted noun phrase after a count: "AI-related firms", "such events" */
static size_t
noun_phrase(const char *s, size_t len, size_t pos, size_t *np_start, bool name)
{
	size_t		p = pos + blank_len(s, len, pos);
	size_t		words_end[5];
	int			nw = 0;
	bool		trailing_verbish[5];

	*np_start = p;
	if (p == pos && !(p < len && s[p] == '-'))
		return 0;
	if (p == pos && p < len && s[p] == '-')
	{
		/* "19-member team", "two-day forum": the compound's noun */
		size_t		wl = word_at(s, len, p + 1);

		if (wl == 0 || at_digit_at(s, len, p + 1) ||
			at_scan_number(s, len, p + 1, AT_NUMF_NO_SCALE, &(AtNumber) {0}, NULL))
			return 0;
		*np_start = p + 1;
		return wl;
	}
	while (nw < 4 && p < len)
	{
		size_t		wl = word_at(s, len, p);
		AtNumber	n;

		/* a digit may open a word of the phrase only as in "5G", "4K", "3D" */
		if (wl == 0 || (at_digit_at(s, len, p) &&
						!(wl <= 3 && p + 1 < len && s[p + 1] >= 'A' && s[p + 1] <= 'Z' && nw == 0)))
			break;
		if (at_word_in(s + p, wl, np_stop, AT_LENGTHOF(np_stop)) &&
			!np_inner_word(s, len, p, wl, nw, nw > 0 ? s + *np_start : NULL,
						   nw > 0 ? words_end[nw - 1] - *np_start : 0))
			break;
		if (!name && !at_digit_at(s, len, p) && at_scan_number(s, len, p, AT_NUMF_NO_SCALE, &n, NULL))
			break;				/* another number: "one two three" ("5G" passed above) */
		if (match_percent(s, len, p, &(size_t) {0}))
			break;
		trailing_verbish[nw] = (wl > 3 && ((lower(s[p + wl - 1]) == 'd' && lower(s[p + wl - 2]) == 'e') ||
										   (lower(s[p + wl - 1]) == 'y' && lower(s[p + wl - 2]) == 'l'))) ||
			(wl > 4 && word_eq(s + p + wl - 3, 3, "ing")) ||
			word_eq(s + p, wl, "and") || word_eq(s + p, wl, "or");	/* never last: "specialized and" */
		/*
		 * a capitalised word after a lower-case one starts a name: "people
		 * Beijing"; a plural acronym is the head: "sophisticated SMEs"
		 */
		if (nw > 0 && at_is_ascii_alpha((unsigned char) s[p]) && s[p] >= 'A' && s[p] <= 'Z' &&
			!(s[*np_start] >= 'A' && s[*np_start] <= 'Z') && !plural_acronym(s + p, wl))
			break;
		p += wl;
		words_end[nw++] = p;
		/* "electric vehicle (EV) charging posts": an abbreviation inside the phrase */
		if (!name && p + 3 < len && s[p] == ' ' && s[p + 1] == '(')
		{
			size_t		q = p + 2;

			while (q < len && q < p + 12 && ((s[q] >= 'A' && s[q] <= 'Z') || at_digit_at(s, len, q)))
				q++;
			if (q > p + 2 && q < len && s[q] == ')' && at_alpha_at(s, len, q + 2) && s[q + 1] == ' ')
				p = q + 1;
		}
		/* the head of a counted noun phrase is its first plural: "companies showcased projects" */
		if (!name && is_plural(s + p - wl, wl) && !age_phrase_at(s, len, p - wl))
			break;
		{
			size_t		b = blank_len(s, len, p);

			if (b == 0)
				break;
			p += b;
		}
	}
	while (nw > 0 && trailing_verbish[nw - 1])
		nw--;
	if (nw == 0)
		return 0;
	return words_end[nw - 1] - *np_start;
}

/* Range after an amount: "-20", " to four", "–15" */
static size_t
scan_range(const char *s, size_t len, size_t pos, int flags, AtNumber *to, bool digits_first,
		   bool allow_or)
{
	size_t		p = pos,
				n;
	uint32_t	cp;
	int			dl;

	if (p >= len)
		return 0;
	dl = at_utf8_decode(s + p, len - p, &cp);
	if (cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '~')
	{
		p += dl;
		if (cp != '-')
			p += blank_len(s, len, p);
	}
	else
	{
		size_t		b = blank_len(s, len, p),
					e;

		if (b == 0)
			return 0;
		/* "75 -300mm": a hyphen after a blank, glued to digits, is a dash between digits */
		if (digits_first && p + b < len && s[p + b] == '-' && at_digit_at(s, len, p + b + 1))
			return (n = at_scan_number(s, len, p + b + 1, flags, to, NULL)) > 0 ? p + b + 1 + n - pos : 0;
		if ((e = match_word(s, len, p + b, "to", true)) == 0 &&
			(!allow_or || (e = match_word(s, len, p + b, "or", true)) == 0))
			return 0;
		p = e + blank_len(s, len, e);
		if (p == e)
			return 0;
	}
	if (digits_first && !at_digit_at(s, len, p) && cp != ' ')
		return 0;
	n = at_scan_number(s, len, p, flags, to, NULL);
	if (n == 0)
		return 0;
	return p + n - pos;
}

/* Exactly four digits at pos, not part of a longer number */
static bool
exact_digits4(const char *s, size_t len, size_t pos)
{
	for (int i = 0; i < 4; i++)
		if (!at_digit_at(s, len, pos + i))
			return false;
	return !at_digit_at(s, len, pos + 4) && !(pos + 4 < len && (s[pos + 4] == '.' || s[pos + 4] == ',') && at_digit_at(s, len, pos + 5));
}

/* 0 <= v < 1: a share */
static bool
below_one(const AtNum *v)
{
	AtNum		one;

	at_num_from_u64(&one, 1);
	return !v->neg && at_num_cmp(v, &one) < 0;
}

/* Value of an int-valued AtNum, or -1 */
static int64_t
small_int(const AtNum *v)
{
	int64_t		i;

	if (!at_num_to_i64(v, &i))
		return -1;
	return i;
}

/*
 * The recogniser's stages.  try_at() reads, in order: what is no figure at
 * all (a date is one; times, phone numbers, identifiers are skipped), the
 * amount (currency before it, sign, number, range), then what the amount
 * measures: money, percent, another currency after it, a unit, an ordinal
 * suffix, a year, an age, a version, or a counted noun.  Each as_*() stage
 * fills m and returns the figure's end, or returns 0 to pass on.
 */

/* An amount: the number read at a position with what came before it */
typedef struct Amount
{
	AtNumber	num;
	const CurrencyDef *cur;		/* currency before the amount, or NULL */
	size_t		start;			/* of the digits or number word (after a currency or sign) */
	size_t		end;			/* after the number and its range */
	bool		neg;
	int			flags;			/* AT_NUMF_* used to read it */
} Amount;

/*
 * "12-Nov-2023" (a page's time stamp on some sites), which at_match_date()
 * does not read: day, month abbreviation and year joined by hyphens.
 */
static size_t
day_mon_year(const char *s, size_t len, size_t pos, AtDate *d)
{
	size_t		p = pos,
				ml;
	int			day = 0,
				year = 0,
				month,
				k;

	for (k = 0; k < 2 && at_digit_at(s, len, p); k++, p++)
		day = day * 10 + (s[p] - '0');
	if (k == 0 || p >= len || s[p] != '-' || (month = at_month_at(s, len, p + 1, &ml)) <= 0)
		return 0;
	p += 1 + ml;
	if (p >= len || s[p] != '-')
		return 0;
	p++;
	for (k = 0; k < 4 && at_digit_at(s, len, p); k++, p++)
		year = year * 10 + (s[p] - '0');
	if (k != 4 || at_digit_at(s, len, p) || day < 1 || day > at_days_in_month(year, month))
		return 0;
	memset(d, 0, sizeof(*d));
	d->year = year;
	d->month = month;
	d->day = day;
	d->has_year = d->has_day = true;
	return p - pos;
}

/*
 * Words that place a weekday relative to the reference date, besides those
 * periods.h reads ("last", "on", "this"): "next Monday" and "previous
 * Monday" are in the next or previous week (weeks from Monday), "coming
 * Friday" and "past Friday" the nearest after or before.
 */
typedef struct WeekdayPlace
{
	const char *word;
	int			week;			/* +1, -1: that week's day; 0: nearest */
	int			dir;			/* for nearest: +1 after, -1 before */
} WeekdayPlace;

static const WeekdayPlace weekday_places[] = {
	{"next", 1, 0}, {"previous", -1, 0}, {"coming", 0, 1}, {"upcoming", 0, 1}, {"past", 0, -1},
};

/*
 * "next Monday", "this coming Friday" with the weekday at pos and the word
 * before it at *wb: the length from the (moved) *wb, *day against ref.
 */
static size_t
relative_weekday(const Scan *sc, size_t pos, size_t *start, size_t wl, AtDay *day)
{
	size_t		wb = *start;
	size_t		dl,
				b2,
				l2;
	int			wd,
				today;

	memset(day, 0, sizeof(*day));
	if ((wd = at_weekday_at(sc->s, sc->len, pos, &dl)) <= 0 || dl < 6)
		return 0;
	for (size_t i = 0; i < AT_LENGTHOF(weekday_places); i++)
	{
		const WeekdayPlace *w = &weekday_places[i];

		if (!word_eq(sc->s + wb, wl, w->word))
			continue;
		/* "this coming Friday", "this past Wednesday" */
		b2 = word_before(sc->s, wb, &l2);
		if (l2 && w->week == 0 && word_eq(sc->s + b2, l2, "this"))
			wb = b2;
		if (sc->ref)
		{
			today = at_day_of_week(sc->ref);
			if (w->week)
				*day = at_day_add(sc->ref, 7 * w->week + (wd - 1) - today);
			else if (w->dir > 0)
				*day = at_day_add(sc->ref, ((wd - 1) - today + 6) % 7 + 1);
			else
				*day = at_day_add(sc->ref, -((today - (wd - 1) + 6) % 7 + 1));
		}
		*start = wb;
		return pos + dl - wb;
	}
	return 0;
}

/* Weeks that place a weekday: "next week Wednesday", "Tuesday of last week" */
typedef struct WeekPhrase
{
	const char *phrase;
	int			week;			/* weeks from the reference's week (weeks from Monday) */
} WeekPhrase;

static const WeekPhrase week_phrases[] = {
	{"next week", 1}, {"last week", -1}, {"previous week", -1}, {"this week", 0},
};

/*
 * A weekday at pos placed by a week before or after it: "next week
 * Wednesday", "on Tuesday of last week" (not "the following week": in news
 * it follows the story's time, not the article's).  Sets *start and *day
 * (against the reference; none without one); length from *start, or 0.
 */
static size_t
weekday_of_week(const Scan *sc, size_t pos, size_t *start, AtDay *day)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				dl,
				e,
				q;
	int			wd;

	memset(day, 0, sizeof(*day));
	if ((wd = at_weekday_at(s, len, pos, &dl)) <= 0)
		return 0;
	for (size_t i = 0; i < AT_LENGTHOF(week_phrases); i++)
	{
		const WeekPhrase *w = &week_phrases[i];
		size_t		pl = strlen(w->phrase),
					b = back_blanks(s, pos),
					st = pos;

		e = pos + dl;
		/* before: "next week Wednesday" ("This Week Sunday" is ABC's show) */
		if (b < pos && b >= pl && match_pattern(s, b, b - pl, w->phrase, true) == b &&
			!(b - pl > 0 && alnum_before(s, b - pl)) && s[b - 4] == 'w')
			st = b - pl;
		/* after: "Tuesday of next week" */
		else if ((q = pos + dl + blank_len(s, len, pos + dl)) > pos + dl &&
				 (q = match_word(s, len, q, "of", true)) > 0 && q < len && s[q] == ' ' &&
				 (q = match_word(s, len, q + 1, w->phrase, true)) > 0)
			e = q;
		else
			continue;
		if (sc->ref)
			*day = at_day_add(sc->ref, 7 * w->week + (wd - 1) - at_day_of_week(sc->ref));
		*start = st;
		return e - st;
	}
	return 0;
}

/* Months searched on either side of the reference for "Friday 13th" */
#define WEEKDAY_DAY_MONTHS	14

/*
 * A weekday and a day of the month with an ordinal suffix: "Mon 13th"
 * (not "Friday the 13th": the film and the idiom).  The date is the one nearest the reference whose day
 * falls on that weekday (none found, or no reference: no date).  Length
 * from pos, or 0.
 */
static size_t
weekday_day_of_month(const Scan *sc, size_t pos, AtDay *day)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				dl,
				q,
				tl,
				e;
	int			wd,
				dd = 0;
	long		best = LONG_MAX;

	memset(day, 0, sizeof(*day));
	if ((wd = at_weekday_at(s, len, pos, &dl)) <= 0 || (q = pos + dl + blank_len(s, len, pos + dl)) == pos + dl)
		return 0;
	for (e = q; e < q + 2 && at_digit_at(s, len, e); e++)
		dd = dd * 10 + (s[e] - '0');
	if (e == q || dd < 1 || dd > 31 || e + 2 > len || !(match_word(s, len, e, "st", true) ||
													   match_word(s, len, e, "nd", true) ||
													   match_word(s, len, e, "rd", true) ||
													   match_word(s, len, e, "th", true)))
		return 0;
	/* "Mon 13th of March" is a date of its own form, not this one */
	q = e + 2 + blank_len(s, len, e + 2);
	if ((tl = match_word(s, len, q, "of", true)) > 0)
		q = tl + blank_len(s, len, tl);
	if (at_month_at(s, len, q, &tl) > 0)
		return 0;
	if (sc->ref)
	{
		for (int k = -WEEKDAY_DAY_MONTHS; k <= WEEKDAY_DAY_MONTHS; k++)
		{
			int			mi = sc->ref->year * 12 + (sc->ref->month - 1) + k;
			AtDay		c = {mi / 12, mi % 12 + 1, dd};
			long		dist;

			if (c.year < 1 || c.year > 9999 || dd > at_days_in_month(c.year, c.month) ||
				at_day_of_week(&c) != wd - 1)
				continue;
			dist = labs((long) (c.year - sc->ref->year) * 372 + (c.month - sc->ref->month) * 31 +
						(c.day - sc->ref->day));
			if (dist < best)
			{
				best = dist;
				*day = c;
			}
		}
	}
	return e + 2 - pos;
}

/*
 * "last Friday", "on Monday", "next Monday": a weekday at pos placed by a
 * word, resolved against the reference date (periods.h).  Sets *start (the
 * word that places it) and *day (none without a reference); returns the
 * length from *start, or 0.
 */
static size_t
placed_weekday(const Scan *sc, size_t pos, size_t *start, AtDay *day)
{
	size_t		wl,
				wb = word_before(sc->s, pos, &wl),
				n;

	if ((n = weekday_day_of_month(sc, pos, day)) > 0)
		wb = pos;
	else if ((n = weekday_of_week(sc, pos, &wb, day)) > 0)
		;
	else if (wl == 0)
		return 0;
	else
		n = relative_weekday(sc, pos, &wb, wl, day);
	if (n == 0 && ((n = at_weekday_date_at(sc->s, sc->len, wb, sc->ref, day)) == 0 || wb + n <= pos))
		return 0;
	*start = wb;
	return n;
}

/*
 * "on Tuesday and Wednesday", "last Monday or Tuesday": a full weekday
 * after "and"/"or" and a placed weekday is the first such day after it (a
 * list of days runs forward).  One step back only: the weekday before must
 * be placed by its own word.  Sets *start and *day; returns the length, or 0.
 */
static size_t
listed_weekday(const Scan *sc, size_t pos, size_t *start, AtDay *day)
{
	const char *s = sc->s;
	size_t		wl,
				pl,
				dl,
				dl1,
				wb = word_before(s, pos, &wl),
				pb,
				b1,
				n1;
	int			wd,
				wd1;
	AtDay		d1;

	memset(day, 0, sizeof(*day));
	if (!(word_eq(s + wb, wl, "and") || word_eq(s + wb, wl, "or")) ||
		(wd = at_weekday_at(s, sc->len, pos, &dl)) <= 0 || dl < 6)
		return 0;
	pb = word_before(s, wb, &pl);
	if (pl < 6 || (wd1 = at_weekday_at(s, sc->len, pb, &dl1)) <= 0 || dl1 != pl ||
		(n1 = placed_weekday(sc, pb, &b1, &d1)) == 0 || b1 + n1 != pb + dl1)
		return 0;
	if (d1.year)
		*day = at_day_add(&d1, (wd - wd1 + 6) % 7 + 1);
	*start = pos;
	return dl;
}

/* A weekday date at pos: placed by a word, or listed after one that is */
static size_t
as_weekday_date(const Scan *sc, size_t pos, AtMetric *m)
{
	size_t		wb,
				n;
	AtDay		day;

	/*
	 * Each way below reads a weekday at pos (placed_weekday()'s "on Monday"
	 * too: its lead word is the word just before pos): most capitalised
	 * candidates are none, and need not be read in five ways
	 */
	if (at_weekday_at(sc->s, sc->len, pos, NULL) <= 0)
		return 0;
	if ((n = placed_weekday(sc, pos, &wb, &day)) == 0 &&
		(n = listed_weekday(sc, pos, &wb, &day)) == 0)
		return 0;
	m->kind = AT_MK_DATE;
	m->start = wb;
	m->len = n;
	if (day.year)
	{
		m->date.year = day.year;
		m->date.month = day.month;
		m->date.day = day.day;
		m->date.has_year = m->date.has_day = true;
		m->has_date = true;
	}
	return wb + n;
}

/*
 * Days from the reference date.  Only "yesterday": in news "today" and
 * "tomorrow" are as often "nowadays" and "the future" ("the web of today",
 * "tomorrow you will discover"); "yesterday" is the day before.
 */
typedef struct RelativeDay
{
	const char *word;
	int			days;
} RelativeDay;

static const RelativeDay relative_days[] = {
	{"yesterday", -1},
};

/*
 * "yesterday": a date against the reference date only (with none it says
 * nothing).  Not in a name (capitalised inside a sentence) nor a possessive
 * ("yesterday's men").
 */
static size_t
as_relative_day(const Scan *sc, size_t pos, AtMetric *m)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				wl = 0,
				b;
	AtDay		d;

	while (pos + wl < len && wl <= 9 && at_is_ascii_alpha((unsigned char) s[pos + wl]))
		wl++;
	for (size_t i = 0; i < AT_LENGTHOF(relative_days); i++)
	{
		if (!word_eq(s + pos, wl, relative_days[i].word))
			continue;
		if (pos + wl < len && (s[pos + wl] == '\'' || (unsigned char) s[pos + wl] == 0xE2 ||
							   at_alnum_at(s, len, pos + wl)))
			return 0;
		b = back_blanks(s, pos);
		if (s[pos] >= 'A' && s[pos] <= 'Z' && b > 0 && b == pos - 1 &&
			!strchr(".!?:;\"(\n", s[b - 1]) && (unsigned char) s[b - 1] != 0x9C)
			return 0;
		d = at_day_add(sc->ref, relative_days[i].days);
		m->kind = AT_MK_DATE;
		m->len = wl;
		m->date.year = d.year;
		m->date.month = d.month;
		m->date.day = d.day;
		m->date.has_year = m->date.has_day = true;
		m->has_date = true;
		return pos + wl;
	}
	return 0;
}

/*
 * The year of a day and month given after "of": "July 4th of 1995", "March
 * 3 of last year" (Chinese outlets' form; without the reference a relative
 * year is left unread).  p is the end of the day and month; sets the
 * year of d and returns the new end, or p.
 */
static size_t
year_of(const Scan *sc, size_t p, AtDate *d)
{
	static const struct
	{
		const char *words;
		int			years;
	}			rel[] = {{"of last year", -1}, {"of this year", 0}, {"of next year", 1}};
	const char *s = sc->s;
	size_t		len = sc->len,
				q = p + blank_len(s, len, p),
				y,
				e;
	int			yr;

	if (q == p || q >= len || s[q] != 'o')
		return p;
	if ((e = match_word(s, len, q, "of", false)) > 0 && (y = e + blank_len(s, len, e)) > e &&
		exact_digits4(s, len, y) && (s[y] == '1' || s[y] == '2') && !at_alnum_at(s, len, y + 4))
	{
		yr = (s[y] - '0') * 1000 + (s[y + 1] - '0') * 100 + (s[y + 2] - '0') * 10 + (s[y + 3] - '0');
		e = y + 4;
	}
	else
	{
		size_t		i;

		for (i = 0; i < AT_LENGTHOF(rel); i++)
			if ((e = match_word(s, len, q, rel[i].words, false)) > 0)
				break;
		if (i == AT_LENGTHOF(rel) || sc->ref == NULL)
			return p;
		yr = sc->ref->year + rel[i].years;
	}
	if (yr < 1 || yr > 9999 || d->day > at_days_in_month(yr, d->month))
		return p;
	d->year = yr;
	d->has_year = true;
	return e;
}

/*
 * Words that place a holiday with no year as a day: "on Christmas Day",
 * "since Boxing Day".  Without one or a year the name is as often a title
 * ("the 70s horror classic Halloween", U2's "New Year's Day"), as weekdays
 * need theirs (at_weekday_date_at()).
 */
static const char *const holiday_places[] = {
	"on", "since", "until", "till", "by", "before", "after", "over",
};

/*
 * Does a holiday name start at the capitalised word at pos (wl letters, of
 * a length at_holiday_lens[] has)?  Out of line: the scan loop stays small.
 */
static AT_NOINLINE bool
holiday_candidate(const char *s, size_t len, size_t pos)
{
	size_t		e;

	return at_holiday_at(s, len, pos, &e) != NULL;
}

/*
 * A holiday at pos, with its year when one follows ("Black Friday 2010",
 * "Christmas Day of 2023", "New Year's Day, 2024"), else the latest one on
 * or before the reference date (none without one).  Length from pos, or 0.
 */
static size_t
as_holiday(const Scan *sc, size_t pos, AtMetric *m)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				e = 0,
				q,
				y;
	const AtHoliday *h;
	int			yr = 0;
	AtDay		d;
	size_t		b,
				wl;
	bool		placed;

	if ((h = at_holiday_at(s, len, pos, &e)) == NULL)
		return 0;
	placed = (b = word_before(s, pos, &wl)) + wl == back_blanks(s, pos) && wl > 0 &&
		back_blanks(s, pos) < pos && at_word_in(s + b, wl, holiday_places, AT_LENGTHOF(holiday_places));
	q = e;
	if (q < len && s[q] == ',')
		q++;
	y = q + blank_len(s, len, q);
	if ((e + 1 < y || (q == e && y > e)) && exact_digits4(s, len, y) && (s[y] == '1' || s[y] == '2') &&
		!at_alnum_at(s, len, y + 4))
	{
		yr = (s[y] - '0') * 1000 + (s[y + 1] - '0') * 100 + (s[y + 2] - '0') * 10 + (s[y + 3] - '0');
		e = y + 4;
	}
	else if ((q = blank_len(s, len, e) + e) > e && (y = match_word(s, len, q, "of", false)) > 0 &&
			 (y += blank_len(s, len, y)) > q + 2 && exact_digits4(s, len, y) && (s[y] == '1' || s[y] == '2') &&
			 !at_alnum_at(s, len, y + 4))
	{
		yr = (s[y] - '0') * 1000 + (s[y + 1] - '0') * 100 + (s[y + 2] - '0') * 10 + (s[y + 3] - '0');
		e = y + 4;
	}
	else if (!placed)
		return 0;
	else if (sc->ref)
	{
		d = at_holiday_day(h, sc->ref->year);
		yr = (d.month > sc->ref->month || (d.month == sc->ref->month && d.day > sc->ref->day)) ?
			sc->ref->year - 1 : sc->ref->year;
	}
	m->kind = AT_MK_DATE;
	m->len = e - pos;
	if (yr > 0)
	{
		d = at_holiday_day(h, yr);
		m->date.year = d.year;
		m->date.month = d.month;
		m->date.day = d.day;
		m->date.has_year = m->date.has_day = true;
		m->has_date = true;
	}
	return e;
}

/* A calendar date at pos: "8 October 2018", "2019.04.29", "Oct 8, 2018" */
static size_t
as_date(const Scan *sc, size_t pos, AtMetric *m)
{
	const char *s = sc->s;
	size_t		len = sc->len;
	unsigned char c = (unsigned char) s[pos];
	AtDate		d;
	size_t		n;

	if ((c | 0x20) == 'y' && sc->ref && !sc->token_mode &&
		(n = as_relative_day(sc, pos, m)) > 0)
		return n;
	if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
		return 0;
	n = at_match_date(s, len, pos, &d);
	if (n == 0)
		n = day_mon_year(s, len, pos, &d);
	if (n == 0 && c >= 'A' && !sc->token_mode && (n = as_holiday(sc, pos, m)) > 0)
		return n;
	if (n == 0 && c >= 'A' && !sc->token_mode)
		return as_weekday_date(sc, pos, m);
	if (n == 0 || (c >= '0' && c <= '9' && at_alnum_at(s, len, pos + n)))
		return 0;
	/* "Dec. 31 , 1994": a year after a comma set off by blanks (tokenised text) */
	if (d.has_day && !d.has_year && pos + n + 2 < len && s[pos + n] == ' ')
	{
		size_t		q = pos + n + 1,
					y;

		if (s[q] == ',' && (y = q + 1 + blank_len(s, len, q + 1)) > q + 1 && exact_digits4(s, len, y) &&
			(s[y] == '1' || s[y] == '2'))
		{
			int			yr = (s[y] - '0') * 1000 + (s[y + 1] - '0') * 100 + (s[y + 2] - '0') * 10 + (s[y + 3] - '0');

			if (d.day <= at_days_in_month(yr, d.month))
			{
				d.year = yr;
				d.has_year = true;
				n = y + 4 - pos;
			}
		}
	}
	if (d.has_day && !d.has_year && d.month > 0)
		n = year_of(sc, pos + n, &d) - pos;
	m->kind = AT_MK_DATE;
	m->len = n;
	m->date = d;
	m->has_date = d.has_year && d.has_day;
	return pos + n;
}

/* Times of day, phone numbers and identifiers at pos: their length (no figures) */
static size_t
non_figure_len(const Scan *sc, size_t pos)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				n;
	unsigned char c = (unsigned char) s[pos];

	if (c >= '0' && c <= '9')
	{
		AtDate		t;

		if ((n = at_match_time(s, len, pos, &t)) > 0)
			return n;
		/* 24-hour clock times: "0619 GMT", "1400 hrs" */
		if (exact_digits4(s, len, pos) &&
			(s[pos] - '0') * 10 + (s[pos + 1] - '0') < 24 && (s[pos + 2] - '0') < 6 &&
			pos + 5 < len && s[pos + 4] == ' ')
		{
			static const char *const zones[] = {"GMT", "UTC", "BST", "EST", "EDT", "CET", "BJT", "ET", "hrs", "HRS"};

			for (size_t i = 0; i < AT_LENGTHOF(zones); i++)
				if (match_word(s, len, pos + 5, zones[i], false))
					return 4;
		}
		if (!sc->token_mode && (n = phone_run(s, len, pos)) > 0)
			return n;
		/* identifiers: COVID-19, SCP-173, A380 */
		if (pos >= 2 && s[pos - 1] == '-' && identifier_before(s, pos - 1))
			return word_at(s, len, pos);
	}
	if (c == '+' && !sc->token_mode && at_digit_at(s, len, pos + 1) && (n = phone_run(s, len, pos)) > 0)
		return n;
	return 0;
}

/* "percent of 10", "per cent of twenty-two" at pos (a 'p') */
static size_t
as_percent_of(const char *s, size_t len, size_t pos, AtMetric *m)
{
	size_t		pe,
				n;
	AtNumber	num;
	const PercentDef *pd = match_percent(s, len, pos, &pe);

	if (pd && pd->kind == AT_MK_PERCENT)
	{
		size_t		q = pe + blank_len(s, len, pe),
					of = match_word(s, len, q, "of", true);

		if (q > pe && of && (q = of + blank_len(s, len, of)) > of &&
			(n = at_scan_number(s, len, q, AT_NUMF_NO_SCALE, &num, NULL)) > 0 &&
			!at_alnum_at(s, len, q + n) && !(q + n < len && s[q + n] == '%'))
		{
			m->kind = AT_MK_PERCENT;
			m->has_value = true;
			m->value = num.value;
			m->len = q + n - pos;
			return q + n;
		}
	}
	return 0;
}

/*
 * A percent word or sign after a determiner and at most a couple of words,
 * with no number: "a small percent", "the % of increase", "a percentage".
 * A percent row with no value (the text speaks of a share it does not give).
 * But "a percent" is one percent ("fell more than a percent") and "half a
 * percent" half of one; "three-tenths of a percent" is joined to its
 * fraction by the caller (percent_of_fraction).
 */
static size_t
as_percent_mention(const char *s, size_t len, size_t pos, AtMetric *m)
{
	size_t		pe,
				p = pos;
	const PercentDef *pd = match_percent(s, len, pos, &pe);

	if (pd == NULL || pd->kind != AT_MK_PERCENT || pd->shift || at_alnum_at(s, len, pe))
		return 0;
	for (int i = 0; i <= PERCENT_MENTION_WORDS; i++)
	{
		size_t		wl,
					nl,
					wb = word_before(s, p, &wl);

		if (wl == 0 || (wb > 0 && alnum_before(s, wb)) || at_number_word_at(s, len, wb, &nl) >= 0)
			return 0;
		if (at_word_in(s + wb, wl, percent_mention_det, AT_LENGTHOF(percent_mention_det)))
		{
			m->kind = AT_MK_PERCENT;
			m->has_value = false;
			if (i == 0 && (word_eq(s + wb, wl, "a") || word_eq(s + wb, wl, "an")) &&
				strcmp(pd->pattern, "percentage") != 0)
			{
				size_t		hl,
							hb = word_before(s, wb, &hl);

				/* "a fraction of a percent": not one percent */
				m->has_value = !(hl && word_eq(s + hb, hl, "of"));
				at_num_from_u64(&m->value, 1);
				m->start = wb;
				if (hl && word_eq(s + hb, hl, "half") && !(hb > 0 && alnum_before(s, hb)))
				{
					at_num_div_u32(&m->value, 2);
					m->start = hb;
					/* "a half a percent" */
					hb = word_before(s, hb, &hl);
					if (hl && word_eq(s + hb, hl, "a") && !(hb > 0 && alnum_before(s, hb)))
						m->start = hb;
				}
			}
			m->len = pe - m->start;
			return pe;
		}
		p = wb;
	}
	return 0;
}

/*
 * What comes before the number: a currency ("US$", "RMB"), a minus sign or
 * word.  Sets a->cur, a->neg and a->start; false when pos starts no amount.
 */
static bool
amount_prefix(const char *s, size_t len, size_t pos, Amount *a)
{
	unsigned char c = (unsigned char) s[pos];
	size_t		e;

	a->start = pos;
	if (c == '$' || c >= 0xC2 || c == '&' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
	{
		a->cur = match_currency(currency_prefixes, AT_LENGTHOF(currency_prefixes), s, len, pos, &e, true);
		if (a->cur)
		{
			size_t		q = e + blank_len(s, len, e);

			/* letters must be followed by a blank or the digits; "USD115" */
			if (at_digit_at(s, len, q) || (q < len && s[q] == '.' && at_digit_at(s, len, q + 1)))
				a->start = q;
			else
				a->cur = NULL;
		}
	}
	if (a->cur == NULL && (c == '-' || (c == 0xE2 && pos + 2 < len && (unsigned char) s[pos + 1] == 0x88 &&
										 (unsigned char) s[pos + 2] == 0x92)))
	{
		/* negative amounts: -5.3%, −2 */
		size_t		q = pos + (c == '-' ? 1 : 3);

		if (!at_digit_at(s, len, q) || (pos > 0 && !is_blank_byte(s[pos - 1]) && s[pos - 1] != '(' &&
									  s[pos - 1] != '\n'))
			return false;
		a->neg = true;
		a->start = q;
	}
	else if (a->cur == NULL && (c == 'm' || c == 'M' || c == 'n' || c == 'N'))
	{
		size_t		wl = word_at(s, len, pos);

		if (word_eq(s + pos, wl, "minus") || word_eq(s + pos, wl, "negative"))
		{
			size_t		q = pos + wl + blank_len(s, len, pos + wl);
			AtNumber	num;

			if (q == pos + wl || !at_scan_number(s, len, q, 0, &num, NULL))
				return false;
			a->neg = true;
			a->start = q;
		}
	}
	return true;
}

/* How to read the number: money scales after a currency, no fractions after "first" */
static int
amount_flags(const char *s, size_t len, const Amount *a)
{
	size_t		p = a->start,
				e;
	int			flags = 0;

	if (a->cur)
		flags |= AT_NUMF_MONEY;
	else
	{
		/* money context after the amount: "$5m", "5m yuan" decided below; default digits */
		size_t		q = at_numeral_digits_end(s, len, p);

		if (q < len && s[q] == 'm' && !at_alnum_at(s, len, q + 1))
		{
			size_t		r = q + 1 + blank_len(s, len, q + 1);

			if (r > q + 1 && match_currency(currency_suffixes, AT_LENGTHOF(currency_suffixes), s, len, r, &e, false))
				flags |= AT_NUMF_MONEY;
		}
	}
	/* "the first three quarters" counts quarters */
	if (!a->cur && at_alpha_at(s, len, p))
	{
		size_t		wl,
					wb = word_before(s, p, &wl);

		if (wl && at_word_in(s + wb, wl, period_count_before, AT_LENGTHOF(period_count_before)))
			flags |= AT_NUMF_NO_SCALE;	/* and no fraction: handled below */
	}
	return flags;
}

/*
 * The number of an amount, a->start onwards; sets a->num and a->end.
 * Returns false (with *skip when the caller should step over malformed
 * numerals, slash groups or glued digits) when it is no figure.  want_skip
 * is false for the tokenizer, which does not step over a skip: computing it
 * would read a whole malformed run at every start.
 */
static bool
amount_number(const char *s, size_t len, size_t pos, Amount *a, size_t *skip,
			  bool want_skip)
{
	size_t		p = a->start,
				n,
				e,
				nskip = 0;
	AtNumber   *num = &a->num;

	n = at_scan_number(s, len, p, a->flags, num, want_skip ? &nskip : NULL);
	if (n == 0)
	{
		*skip = nskip ? (p - pos) + nskip : 0;
		return false;
	}
	if ((a->flags & AT_NUMF_NO_SCALE) && num->fraction && num->spelled)
	{
		/* "the first three quarters": three, and the quarters are counted */
		size_t		wl;
		int			v = at_number_word_at(s, len, p, &wl);

		if (v < 0)
			return false;
		at_num_from_u64(&num->value, (uint64_t) v);
		num->fraction = false;
		n = wl;
	}
	num->value.neg = a->neg && num->value.ndig > 0;
	e = p + n;

	/* a spelled number must stand as a number: not "the one", not a lone "a" */
	if (num->spelled && !num->has_scale)
	{
		size_t		wl,
					wb = word_before(s, p, &wl);

		if (word_eq(s + p, word_at(s, len, p), "one") &&
			wl && at_word_in(s + wb, wl, one_pronoun_before, AT_LENGTHOF(one_pronoun_before)) &&
			!(e + 1 < len && s[e] == ' ' && match_unit(s, len, e + 1, false, &(size_t) {0})))
			return false;
		if (word_eq(s + p, word_at(s, len, p), "one") && at_alpha_at(s, len, e + 1) &&
			(match_word(s, len, e + 1, "another", true) || match_word(s, len, e + 1, "day", true)))
			return false;
	}
	/*
	 * 09/02/2021, 1/2/3: slash-separated digit groups that are no date the
	 * date recogniser reads (day-month order is ambiguous) are no figures
	 */
	if (!num->spelled && !num->fraction && e + 1 < len && s[e] == '/' && at_digit_at(s, len, e + 1))
	{
		size_t		q = e;

		while (q < len && (at_digit_at(s, len, q) || (s[q] == '/' && at_digit_at(s, len, q + 1))))
			q++;
		*skip = q - pos;
		return false;
	}
	/* digits glued to letters or digits that are no unit: 24703L202, A380 */
	if (!num->spelled && e < len && at_digit_at(s, len, e))
	{
		*skip = e - pos + word_at(s, len, e);
		return false;
	}
	a->end = e;
	return true;
}

/* A range after the number: "10-15%", "three to four", "2016-20", "$5-6 billion" */
static void
amount_range(const char *s, size_t len, Amount *a, AtMetric *m)
{
	AtNumber   *num = &a->num,
				to;
	size_t		e = a->end,
				r;
	bool		have_range = false;

	if (num->fraction)
		return;
	/* "one or two years": words only; "5 or 6" are more often two figures */
	r = scan_range(s, len, e, a->flags, &to, !num->spelled, num->spelled);
	if (r == 0 || to.fraction)
		return;
	{
		int64_t		lo = small_int(&num->value),
					hi = small_int(&to.value);

		/* 2016-20: a year range written short */
		if (lo >= 1800 && lo <= 2100 && num->int_digits == 4 && !num->has_scale &&
			to.int_digits == 2 && !to.has_scale && hi >= 0 && hi <= 99 &&
			(lo / 100) * 100 + hi > lo)
		{
			at_num_from_u64(&to.value, (uint64_t) ((lo / 100) * 100 + hi));
			have_range = true;
		}
		else
		{
			/* "$5-6 billion": the first takes the second's scale */
			if (to.has_scale && !num->has_scale)
			{
				AtNumber	bare;

				if (at_scan_number(s, len, e + r - to.len, a->flags | AT_NUMF_NO_SCALE, &bare, NULL) &&
					!bare.spelled == !num->spelled)
				{
					int			k = 0;
					AtNum		t = bare.value;

					while (k < 16 && at_num_cmp(&t, &to.value) < 0)
					{
						at_num_mul_pow10(&t, 1);
						k++;
					}
					if (at_num_cmp(&t, &to.value) == 0)
						at_num_mul_pow10(&num->value, k);
				}
			}
			have_range = at_num_cmp(&num->value, &to.value) < 0 && !a->neg;
		}
	}
	if (have_range)
	{
		/* not when "from 5 to 10": those are two figures of a change */
		size_t		wl,
					wb = word_before(s, a->start, &wl);

		if (wl && word_eq(s + wb, wl, "from"))
			return;
		m->has_range = true;
		m->range_to = to.value;
		a->end = e + r;
		num->has_scale |= to.has_scale;
	}
}

/* Money with its currency before the amount: "US$42.5 billion", "¥2 trillion" */
static size_t
as_money_prefixed(Scan *sc, size_t pos, const Amount *a, AtMetric *m)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				e = a->end,
				q,
				e2;
	const CurrencyDef *cur = a->cur;

	m->kind = AT_MK_MONEY;
	memcpy(m->currency, cur->iso, strlen(cur->iso) + 1);
	if (cur->shift < 0)
		at_num_mul_pow10(&m->value, -cur->shift);
	if (strcmp(cur->iso, "CNY") == 0 && !at_is_ascii_alpha((unsigned char) cur->pattern[0]))
	{
		if (sc->yen_block != pos / CONTEXT_BLOCK)
		{
			sc->yen_block = pos / CONTEXT_BLOCK;
			sc->yen_iso = yen_or_yuan(s, len, pos);
		}
		memcpy(m->currency, sc->yen_iso, 4);
	}
	/* "$5 million dollars", "US$ 15 USD": swallow a repeated currency */
	q = e + blank_len(s, len, e);
	if (q > e && match_currency(currency_suffixes, AT_LENGTHOF(currency_suffixes), s, len, q, &e2, false) &&
		e2 > q && s[q] != '$' && !(match_word(s, len, q, "won", false)))
		e = e2;
	m->len = e - pos;
	return e;
}

/* A percent, percentage point or basis point after the amount */
static size_t
as_percent(const char *s, size_t len, size_t pos, const Amount *a, AtMetric *m)
{
	size_t		e = a->end,
				pe;
	const PercentDef *pd = match_percent(s, len, e, &pe);
	AtNumber	to;

	/* "a 0.2-percent rise" */
	if (pd == NULL && e + 1 < len && s[e] == '-' && at_alpha_at(s, len, e + 1))
	{
		pd = match_percent(s, len, e + 1, &pe);
		if (pd && !at_is_ascii_alpha((unsigned char) pd->pattern[0]))
			pd = NULL;
	}
	if (pd == NULL)
		return 0;
	m->kind = pd->kind;
	if (pd->shift)
	{
		at_num_mul_pow10(&m->value, -pd->shift);
		if (m->has_range)
			at_num_mul_pow10(&m->range_to, -pd->shift);
		m->unit = "basis points";
		m->unit_len = strlen(m->unit);
	}
	/* "10%-15%": a range with the sign on both ends */
	if (!m->has_range && !a->num.spelled)
	{
		size_t		r = scan_range(s, len, pe, 0, &to, true, false);
		size_t		pe2;

		const PercentDef *pd2 = r ? match_percent(s, len, pe + r, &pe2) : NULL;

		/* the same sign on both ends: "rose 18.5 percentage points to 77.6 percent" is two figures */
		if (pd2 && pd2->kind == pd->kind && pd2->shift == pd->shift &&
			at_num_cmp(&m->value, &to.value) < 0)
		{
			m->has_range = true;
			m->range_to = to.value;
			pe = pe2;
		}
	}
	m->len = pe - pos;
	return pe;
}

/* Pounds of money need a scale or a "£" nearby; otherwise they weigh */
static bool
pound_is_money(Scan *sc, size_t pos, const Amount *a)
{
	if (sc->pound_block != pos / CONTEXT_BLOCK)
	{
		sc->pound_block = pos / CONTEXT_BLOCK;
		sc->pound_near = false;
		for (size_t k = (pos > 300 ? pos - 300 : 0); k + 2 <= AT_MIN(sc->len, pos + 300); k++)
			if ((unsigned char) sc->s[k] == 0xC2 && (unsigned char) sc->s[k + 1] == 0xA3)
			{
				sc->pound_near = true;
				break;
			}
	}
	return a->num.has_scale || sc->pound_near;
}

/*
 * The subunits after a main unit: "3 dollars 50 cents", "15 dollars and 50".
 * Returns the new end (ce when there are none), or 0 when the amount should
 * end at the currency word alone.
 */
static size_t
money_cents(const char *s, size_t len, size_t ce, AtMetric *m)
{
	size_t		r = ce + blank_len(s, len, ce),
				r2;
	AtNumber	cents;
	const CurrencyDef *sub;

	if (r > ce && match_word(s, len, r, "and", true))
		r = r + 3 + blank_len(s, len, r + 3);
	if (!(r > ce && (r2 = at_scan_number(s, len, r, AT_NUMF_NO_SCALE, &cents, NULL)) > 0 &&
		  !cents.decimal && small_int(&cents.value) > 0 && small_int(&cents.value) < 100))
		return ce;
	{
		size_t		r3 = r + r2 + blank_len(s, len, r + r2),
					ce2 = 0;

		sub = match_currency(currency_suffixes, AT_LENGTHOF(currency_suffixes), s, len, r3, &ce2, false);
		if (sub && sub->shift == 2 && r3 > r + r2)
			ce = ce2;
		else if (r + r2 == len || strchr(".,;!?)", s[r + r2]) != NULL)
			ce = r + r2;
		else
			return 0;
		at_num_mul_pow10(&cents.value, -2);
		at_num_add(&m->value, &cents.value);
		return ce;
	}
}

/* Money with its currency after the amount: "42.5 billion yuan", "1.5 billion-U.S.-dollar" */
static size_t
as_money_suffixed(Scan *sc, size_t pos, Amount *a, AtMetric *m)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				e = a->end,
				q = e,
				b = blank_len(s, len, e),
				ce;
	bool		hyphen = false;
	const CurrencyDef *cur;

	if (b)
		q = e + b;
	else if (q < len && s[q] == '-' && at_alnum_at(s, len, q + 1))
	{
		q++;
		hyphen = true;
	}
	if (q >= len || (cur = match_currency(currency_suffixes, AT_LENGTHOF(currency_suffixes), s, len, q, &ce, false)) == NULL)
		return 0;
	if ((cur->flags & P_SPACED) && b == 0)
		return 0;
	if ((cur->flags & P_POUND) && !pound_is_money(sc, pos, a))
		return 0;
	if (hyphen && (cur->flags & P_SPACED))
		return 0;
	m->kind = AT_MK_MONEY;
	memcpy(m->currency, cur->iso, strlen(cur->iso) + 1);
	if (cur->shift)
	{
		at_num_mul_pow10(&m->value, -cur->shift);
		if (m->has_range)
			at_num_mul_pow10(&m->range_to, -cur->shift);
	}
	/* "75 USD million" */
	if (!a->num.has_scale)
	{
		int			pw;
		size_t		sl = at_scan_scale(s, len, ce, AT_NUMF_MONEY, &pw);

		if (sl && pw >= 3 && ce < len && s[ce] == ' ' && at_num_mul_pow10(&m->value, pw))
		{
			if (m->has_range)
				at_num_mul_pow10(&m->range_to, pw);
			ce += sl;
			a->num.has_scale = true;
		}
	}
	if (cur->shift == 0 && !a->num.has_scale && !a->num.decimal && ce < len &&
		(ce = money_cents(s, len, ce, m)) == 0)
		ce = match_word(s, len, q, cur->pattern, !(cur->flags & P_CASE));
	m->len = ce - pos;
	return ce;
}

/*
 * "6 ft 2 in", "5 feet and 2 inches": a height in feet and inches is one
 * length in feet.  pos is after the feet unit; returns the new end or 0.
 */
static size_t
feet_inches(const char *s, size_t len, size_t pos, AtMetric *m)
{
	static const char *const inch_words[] = {"inches", "inch", "in"};
	size_t		q = pos + blank_len(s, len, pos),
				n,
				e;
	AtNumber	in;
	int64_t		v;

	if (q == pos)
		return 0;
	if ((e = match_word(s, len, q, "and", true)) > 0 && blank_len(s, len, e) > 0)
		q = e + blank_len(s, len, e);
	if ((n = at_scan_number(s, len, q, AT_NUMF_NO_SPELLED | AT_NUMF_NO_SCALE | AT_NUMF_NO_CONT, &in, NULL)) == 0 ||
		in.decimal || in.fraction || !at_num_to_i64(&in.value, &v) || v < 0 || v > 11)
		return 0;
	q += n;
	if ((n = blank_len(s, len, q)) == 0)
		return 0;
	q += n;
	for (size_t i = 0; i < AT_LENGTHOF(inch_words); i++)
		if ((e = match_word(s, len, q, inch_words[i], true)) > 0)
		{
			size_t		r = e + blank_len(s, len, e);

			/* bare "in" before a name or a number is the preposition: "2 in Beijing" */
			if (e - q == 2 && r > e && r < len &&
				((s[r] >= 'A' && s[r] <= 'Z') || (s[r] >= '0' && s[r] <= '9')))
				return 0;
			at_num_div_u32(&in.value, 12);
			at_num_add(&m->value, &in.value);
			return e;
		}
	return 0;
}

/* A verb of turning among the few words before pos: "turn left 45 degrees" */
static bool
angle_verb_before(const char *s, size_t pos)
{
	size_t		p = pos;

	for (int i = 0; i < ANGLE_VERB_WORDS; i++)
	{
		size_t		wl,
					wb = word_before(s, p, &wl);

		if (wl == 0)
			return false;
		if (at_word_in(s + wb, wl, angle_verbs, AT_LENGTHOF(angle_verbs)))
			return true;
		p = wb;
	}
	return false;
}

/*
 * An inch mark at q after digits: the double prime, or a straight double
 * quote before a word of size (10" long); a straight quote is otherwise far
 * more often a quotation mark.  End of the mark, or 0.
 */
static size_t
inch_mark(const char *s, size_t len, size_t q)
{
	size_t		b;

	if (q + 2 < len && (unsigned char) s[q] == 0xE2 && (unsigned char) s[q + 1] == 0x80 &&
		(unsigned char) s[q + 2] == 0xB3)
		return q + 3;			/* ″ */
	if (q >= len || s[q] != '"' || (b = blank_len(s, len, q + 1)) == 0)
		return 0;
	return at_word_in(s + q + 1 + b, word_at(s, len, q + 1 + b), size_words, AT_LENGTHOF(size_words)) ? q + 1 : 0;
}

/*
 * Feet and inches in marks right after the feet: 5' 10", 6′2″ (inches
 * below twelve, closed by an inch mark).  Adds the inches to m's value;
 * end of the inch mark, or 0.
 */
static size_t
feet_inches_marks(const char *s, size_t len, size_t e, AtMetric *m)
{
	size_t		q,
				n;
	AtNumber	in;
	int64_t		v;

	if (e < len && s[e] == '\'')
		q = e + 1;
	else if (e + 2 < len && (unsigned char) s[e] == 0xE2 && (unsigned char) s[e + 1] == 0x80 &&
			 (unsigned char) s[e + 2] == 0xB2)
		q = e + 3;				/* ′ */
	else
		return 0;
	q += blank_len(s, len, q);
	if ((n = at_scan_number(s, len, q, AT_NUMF_NO_SPELLED | AT_NUMF_NO_SCALE | AT_NUMF_NO_CONT, &in, NULL)) == 0 ||
		in.decimal || in.fraction || !at_num_to_i64(&in.value, &v) || v < 0 || v > 11)
		return 0;
	q += n;
	if (q < len && s[q] == '"')
		q++;
	else if (q + 2 < len && (unsigned char) s[q] == 0xE2 && (unsigned char) s[q + 1] == 0x80 &&
			 (unsigned char) s[q + 2] == 0xB3)
		q += 3;					/* ″ */
	else
		return 0;
	at_num_div_u32(&in.value, 12);
	at_num_add(&m->value, &in.value);
	return q;
}

/* A unit of measure: "3.2 billion tonnes", "75ml", "45-acre", "20 (kg)" */
static size_t
as_quantity(const char *s, size_t len, size_t pos, const Amount *a, AtMetric *m)
{
	size_t		e = a->end,
				q = e,
				b = blank_len(s, len, e),
				ue,
				ce;
	char		open = 0;
	const UnitDef *u;
	const char *canon,
			   *cu;

	if (b)
		q = e + b;
	else if (q < len && s[q] == '-' && at_alpha_at(s, len, q + 1))
		q++;
	if (q < len && (s[q] == '(' || s[q] == '[' || s[q] == '{' || s[q] == '<'))
	{
		open = s[q];
		q++;
	}
	if (!open && !a->num.spelled && !m->has_range && !a->num.decimal && !a->num.fraction &&
		!(pos > 0 && (s[pos - 1] == '\'' || s[pos - 1] == '"')) &&
		(ue = feet_inches_marks(s, len, e, m)) > 0)
	{
		m->kind = AT_MK_QUANTITY;
		m->unit = "ft";
		m->unit_len = 2;
		m->len = ue - pos;
		return ue;
	}
	if (!open && !a->num.spelled && !(pos > 0 && s[pos - 1] == '"') &&
		(ue = inch_mark(s, len, q)) > 0)
	{
		m->kind = AT_MK_QUANTITY;
		m->unit = "in";
		m->unit_len = 2;
		m->len = ue - pos;
		return ue;
	}
	if (q >= len || (u = match_unit(s, len, q, q == e, &ue)) == NULL ||
		((u->flags & (P_POUND | P_KITCHEN)) && a->num.has_scale) ||
		((u->flags & P_ANGLE) && !angle_verb_before(s, pos)))
		return 0;				/* "332 million cups of coffee" are counted */
	canon = u->canon;
	if (open)
	{
		char		close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : '>';

		if (ue >= len || s[ue] != close)
			return 0;
		ue++;
	}
	/* "m" alone after a blank: metres only before a non-letter */
	if (strcmp(u->pattern, "m") == 0 && q != e && !a->num.spelled && ue < len && s[ue] == '.')
		return 0;
	/* "a twenty-foot container": a size class that names the thing, no figure */
	if (a->num.spelled && q == e + 1 && s[e] == '-' && ue < len && s[ue] == ' ')
	{
		size_t		w = ue + 1;

		if (at_word_in(s + w, word_at(s, len, w), class_nouns, AT_LENGTHOF(class_nouns)))
			return 0;
	}
	if (!open && (cu = compound_unit(s, len, canon, ue, &ce)) != NULL)
	{
		canon = cu;
		ue = ce;
	}
	else if (!open && strcmp(canon, "ft") == 0 && !m->has_range && !a->num.fraction &&
			 (ce = feet_inches(s, len, ue, m)) > 0)
		ue = ce;
	m->kind = AT_MK_QUANTITY;
	m->unit = canon;
	m->unit_len = strlen(canon);
	m->len = ue - pos;
	return ue;
}

/* Ordinals: 13th Five-Year Plan, 2nd */
static size_t
as_ordinal(const Scan *sc, size_t pos, const Amount *a, AtMetric *m)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				e = a->end,
				oe = e + 2,
				ns,
				nl,
				wl;

	if (a->num.spelled || a->num.decimal || a->num.grouped || e + 2 > len)
		return 0;
	wl = word_at(s, len, e);
	if (!(word_eq(s + e, wl, "th") || word_eq(s + e, wl, "st") ||
		  word_eq(s + e, wl, "nd") || word_eq(s + e, wl, "rd")))
		return 0;
	m->kind = AT_MK_ORDINAL;
	m->has_range = false;
	if (!sc->token_mode && (nl = noun_phrase(s, len, oe, &ns, true)) > 0)
	{
		m->unit = s + ns;
		m->unit_len = nl;
		oe = ns + nl;
	}
	m->len = oe - pos;
	return oe;
}

/* Years ("in 2018") and ages ("Liu Jianping, 56, said") */
static size_t
as_year_or_age(const char *s, size_t len, size_t pos, const Amount *a, AtMetric *m)
{
	const AtNumber *num = &a->num;
	int64_t		v = small_int(&num->value);
	size_t		e = a->end;

	if (!num->spelled && !num->grouped && !num->decimal && !num->has_scale && !a->neg &&
		num->int_digits == 4 && v >= 1800 && v <= 2100)
	{
		m->kind = AT_MK_YEAR;
		m->len = e - pos;
		return e;
	}
	if (!num->spelled && !num->decimal && v > 0 && v < 120 && pos >= 3 && s[pos - 1] == ' ' &&
		s[pos - 2] == ',' && e < len && s[e] == ',' && !m->has_range)
	{
		size_t		wl,
					wb = word_before(s, pos - 2, &wl);

		if (wl && s[wb] >= 'A' && s[wb] <= 'Z' && !at_word_in(s + wb, wl, (const char *const[]) {"in", "by", "from", "since", "on", "at"}, 6))
		{
			as_age(m);
			m->len = e - pos;
			return e;
		}
	}
	return 0;
}

/* "industry 4.0": a version, unless a counted noun follows */
static bool
is_version(const Scan *sc, size_t pos, const Amount *a)
{
	const char *s = sc->s;
	size_t		wl,
				wb,
				ns;

	if (a->num.spelled || a->num.grouped || a->num.has_scale || a->neg || pos < 2 || s[pos - 1] != ' ')
		return false;
	wb = word_before(s, pos, &wl);
	return wb + wl + 1 == pos && at_word_in(s + wb, wl, version_names, AT_LENGTHOF(version_names)) &&
		(sc->token_mode || noun_phrase(s, sc->len, a->end, &ns, false) == 0);
}

/*
 * A count whose counted noun is a duration is a quantity in that unit
 * ("in 3 years", "one or two years"), unless it names a period or a streak
 * ("the past 10 years", "for nine consecutive years"): then no figure
 * (false).  Other counts pass (true).
 */
static bool
as_duration(const char *s, AtMetric *m, size_t amount_start)
{
	size_t		h = m->unit_len,
				wl,
				wb = word_before(s, amount_start, &wl);

	/* the head: the last word of the phrase */
	while (h > 0 && m->unit[h - 1] != ' ')
		h--;
	for (size_t i = 0; i < AT_LENGTHOF(durations); i++)
		if (word_eq(m->unit + h, m->unit_len - h, durations[i].word))
		{
			/*
			 * "the past 10 years", "nine consecutive years": a period or a
			 * streak; "a 52-year low": a modifier
			 */
			if (!m->has_range &&
				((wl && at_word_in(s + wb, wl, reference_before, AT_LENGTHOF(reference_before))) ||
				 m->unit[-1] == '-' ||
				 (h > 0 && at_word_in(m->unit, word_at(m->unit, h, 0), streak_words, AT_LENGTHOF(streak_words)))))
				return false;
			m->kind = AT_MK_QUANTITY;
			m->unit = durations[i].canon;
			m->unit_len = strlen(durations[i].canon);
			return true;
		}
	return true;
}

/* Only blanks between the line's ends and [from, to): a text or line that is just a number */
static bool
alone_on_line(const char *s, size_t len, size_t from, size_t to)
{
	size_t		p = from;

	while (p > 0 && (is_blank_byte(s[p - 1]) || s[p - 1] == '\r'))
		p--;
	if (p > 0 && s[p - 1] != '\n')
		return false;
	p = to + blank_len(s, len, to);
	return p >= len || s[p] == '\n' || s[p] == '\r';
}

/*
 * A number that is part of a name or label, not a figure: "the Model 3 in
 * China" (digits right after a capitalised word inside a sentence), "the
 * 12306 platform" (a determiner, digits and a singular noun that names one
 * thing, not counted things).  m is the count with its noun, or NULL.
 */
static bool
number_in_name(const char *s, size_t len, size_t pos, const Amount *a, const AtMetric *m)
{
	size_t		wl,
				wb,
				h;

	if (a->num.spelled || a->num.decimal || a->num.has_scale || a->num.fraction || a->neg ||
		pos != a->start || pos == 0 || s[pos - 1] != ' ')
		return false;
	wb = word_before(s, pos, &wl);
	if (wl == 0 || wb + wl + 1 != pos)
		return false;
	if (m == NULL)
	{
		size_t		b = back_blanks(s, wb);

		/* a capitalised word that does not open the sentence ("in Scotland 53,000" is a figure) */
		return !a->num.grouped && s[wb] >= 'A' && s[wb] <= 'Z' && b > 0 &&
			at_alpha_at(s, len, b - 1) && s[b] == ' ';
	}
	/* not a compound ("the 300-shareholder threshold"), nor cut short by a name ("10 southern Asian") */
	if (m->unit <= s || m->unit >= s + len)
		return false;			/* a canonical unit ("years"), not the text's noun */
	h = (size_t) (m->unit + m->unit_len - s);
	h += blank_len(s, len, h);
	if (small_int(&m->value) == 1 || m->unit[-1] == '-' || (h < len && s[h] >= 'A' && s[h] <= 'Z') ||
		!at_word_in(s + wb, wl, name_determiners, AT_LENGTHOF(name_determiners)))
		return false;
	/* a singular noun names the thing; any plural word counts things: "the 14,000 people contract" */
	for (h = 0; h < m->unit_len; h += word_at(m->unit, m->unit_len, h) + 1)
	{
		size_t		l = word_at(m->unit, m->unit_len, h);

		if (l == 0 || !(m->unit[h] >= 'a' && m->unit[h] <= 'z') || is_plural(m->unit + h, l) ||
			at_word_in(m->unit + h, l, plural_nouns, AT_LENGTHOF(plural_nouns)))
			return false;
	}
	return true;
}

/* A count, with the counted noun phrase */
static size_t
as_count(const Scan *sc, size_t pos, const Amount *a, AtMetric *m)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				e = a->end;

	m->kind = AT_MK_COUNT;
	/* "a two-day forum", "two-year olds": a spelled modifier, no figure ("three-nought-four" is) */
	if (a->num.spelled && !a->num.has_scale && e + 1 < len && s[e] == '-' && at_alpha_at(s, len, e + 1) &&
		at_number_word_at(s, len, e + 1, &(size_t) {0}) < 0 &&
		!match_word(s, len, e + 1, "nought", true) && !match_word(s, len, e + 1, "naught", true))
		return 0;
	if (!sc->token_mode)
	{
		size_t		ns,
					nl = noun_phrase(s, len, e, &ns, false);

		if (nl)
		{
			m->unit = s + ns;
			m->unit_len = nl;
			e = ns + nl;
			/* "a 14-year-old boy", "45 years old": an age */
			if (at_word_in(m->unit, nl, age_units, AT_LENGTHOF(age_units)))
				as_age(m);
			else if (!as_duration(s, m, a->start) ||
					 (m->kind == AT_MK_COUNT && number_in_name(s, len, pos, a, m)))
				return 0;
		}
		else if (number_in_name(s, len, pos, a, NULL))
			return 0;
		else if (!a->num.spelled && !a->num.decimal && pos >= 5 && s[pos - 1] == ' ' &&
				 word_eq(s + pos - 5, 4, "aged") && (pos == 5 || !at_alnum_at(s, len, pos - 6)))
		{
			size_t		q = e + blank_len(s, len, e),
						ql = word_at(s, len, q),
						r = q + ql + blank_len(s, len, q + ql);

			/* "residents aged 60 or above": the bound of a group, no figure */
			if (ql && (word_eq(s + q, ql, "or") || word_eq(s + q, ql, "and")) &&
				at_word_in(s + r, word_at(s, len, r), age_bounds, AT_LENGTHOF(age_bounds)))
				return 0;
			as_age(m);			/* "aged 30" */
		}
		else if (a->num.fraction && below_one(&m->value))
			m->kind = AT_MK_FRACTION;	/* "½" alone */
		else if (a->num.decimal && !a->num.grouped && !a->num.has_scale && !a->num.spelled &&
				 !alone_on_line(s, len, pos, a->end))
			return 0;			/* "the ratio narrowed to 2.61": a ratio or index counts nothing */
		else if (a->num.spelled && !a->num.has_scale && !a->num.fraction && small_int(&m->value) >= 0 &&
				 small_int(&m->value) < 100 && word_at(s, len, a->start) == a->end - a->start &&
				 !alone_on_line(s, len, pos, a->end) && !match_word(s, len, a->end + 1, "out", true))
			return 0;			/* a count needs a counted noun: "one", "two" alone */
	}
	m->len = e - pos;
	return e;
}

/*
 * "half of the firms", "a quarter of the total": a fraction word that
 * stands for a share, with "of" after it and not a period before it ("the
 * first half of 2023").
 */
static size_t
as_fraction_word(const char *s, size_t len, size_t pos, AtMetric *m)
{
	for (size_t i = 0; i < AT_LENGTHOF(fraction_words); i++)
	{
		size_t		e = match_word(s, len, pos, fraction_words[i].pattern, true),
					q,
					wl,
					wb;
		AtNumber	share;

		if (e == 0)
			continue;
		q = e + blank_len(s, len, e);
		/* "a half turn": an angle in turns */
		if (q > e && at_word_in(s + q, wl = word_at(s, len, q), turn_words, AT_LENGTHOF(turn_words)))
		{
			m->kind = AT_MK_QUANTITY;
			m->unit = "turn";
			m->unit_len = 4;
			m->has_value = true;
			at_num_from_u64(&m->value, 1);
			at_num_div_u32(&m->value, (uint32_t) fraction_words[i].denom);
			m->len = q + wl - pos;
			return q + wl;
		}
		wb = word_before(s, pos, &wl);
		/* "nearly half", "more than a third": an approximated share needs no "of" */
		if ((q == e || !match_word(s, len, q, "of", true)) &&
			(!wl || !at_word_in(s + wb, wl, fraction_approximators, AT_LENGTHOF(fraction_approximators)) ||
			 match_word(s, len, q, "a", true) || match_word(s, len, q, "an", true)))
			return 0;			/* "nearly half an hour" is a duration */
		/* "a third of a million": the number reader takes the share of the scale */
		if (at_scan_number(s, len, pos, 0, &share, NULL) > e - pos)
			return 0;
		if (wl && at_word_in(s + wb, wl, fraction_period_before, AT_LENGTHOF(fraction_period_before)))
			return 0;
		m->kind = AT_MK_FRACTION;
		m->has_value = true;
		at_num_from_u64(&m->value, 1);
		at_num_div_u32(&m->value, (uint32_t) fraction_words[i].denom);
		m->len = e - pos;
		return e;
	}
	return 0;
}

/* A possessive ends just before pos: "the resort's", "the firms'", "the city’s" */
static bool
possessive_before(const char *s, size_t pos)
{
	size_t		e = back_blanks(s, pos);

	if (e == pos || e < 3)
		return false;
	if (s[e - 1] == 's' && (s[e - 2] == '\'' ||
							(e >= 5 && memcmp(s + e - 4, "\xe2\x80\x99", 3) == 0)))
		return at_is_ascii_alpha((unsigned char) s[s[e - 2] == '\'' ? e - 3 : e - 5]);
	return s[e - 1] == '\'' && s[e - 2] == 's' && at_is_ascii_alpha((unsigned char) s[e - 3]);
}

/*
 * Is a spelled number without a scale a figure?  Not in a name ("Formula
 * One": capitalised after a word), not as a reference, rank or period after
 * a determiner ("the two sides", "the top two", "the first two months").
 */
static bool
spelled_is_figure(const char *s, size_t len, size_t pos, const Amount *a)
{
	size_t		wl,
				wb,
				e = a->end;
	int64_t		v = small_int(&a->num.value);

	if (!a->num.spelled || a->num.has_scale || a->num.fraction)
		return true;
	wb = word_before(s, a->start, &wl);
	if (s[a->start] >= 'A' && s[a->start] <= 'Z' && wl > 0 && wb + wl < a->start &&
		back_blanks(s, a->start) == wb + wl)
		return false;
	/*
	 * "the three-ton satellites": a measure in a compound stays; "the
	 * resort's two hotels": a possessive, like "its", refers to things named
	 */
	if (v >= 0 && v < 100 && a->start == pos && !(e + 1 < len && s[e] == '-') &&
		((wl && at_word_in(s + wb, wl, reference_before, AT_LENGTHOF(reference_before))) ||
		 possessive_before(s, a->start)))
		return false;
	return true;
}

/*
 * Money, percent, measure, count, year or ordinal starting at pos (the
 * caller checked that pos starts a word).  Returns the end or 0; *skip is
 * set when the caller should step over pos..*skip (malformed numerals,
 * phone numbers, times, identifiers).
 */
static size_t
try_at(Scan *sc, size_t pos, AtMetric *m, size_t *skip)
{
	const char *s = sc->s;
	size_t		len = sc->len,
				e;
	unsigned char c = (unsigned char) s[pos];
	Amount		a;

	memset(m, 0, sizeof(*m));
	memset(&a, 0, sizeof(a));
	m->start = pos;
	*skip = 0;

	if ((e = as_date(sc, pos, m)) > 0)
		return e;
	if ((*skip = non_figure_len(sc, pos)) > 0)
		return 0;
	if ((c == 'p' || c == 'P' || c == '%') && !sc->token_mode)
		return (e = as_percent_of(s, len, pos, m)) > 0 ? e : as_percent_mention(s, len, pos, m);
	if ((c == 'h' || c == 'H' || c == 'a' || c == 'A') && !sc->token_mode &&
		(e = as_fraction_word(s, len, pos, m)) > 0)
		return e;

	if (!amount_prefix(s, len, pos, &a))
		return 0;
	a.flags = amount_flags(s, len, &a);
	if (!amount_number(s, len, pos, &a, skip, !sc->token_mode))
		return 0;
	if (!sc->token_mode && !spelled_is_figure(s, len, pos, &a))
	{
		*skip = a.end - pos + (a.end < len && s[a.end] == '-' ? word_at(s, len, a.end + 1) + 1 : 0);
		return 0;
	}
	amount_range(s, len, &a, m);
	m->has_value = true;
	m->value = a.num.value;

	/* what the amount measures */
	if (a.cur)
		return as_money_prefixed(sc, pos, &a, m);
	if ((e = as_percent(s, len, pos, &a, m)) > 0)
		return e;
	/* "one-third", "two-thirds": a share; "a third fund" is a rank, no figure */
	if (a.num.fraction && a.num.spelled && !sc->token_mode && below_one(&m->value) &&
		(s[a.start] | 0x20) == 'a' && a.start + 1 < len && !at_alpha_at(s, len, a.start + 1) &&
		!match_word(s, len, a.end + blank_len(s, len, a.end), "of", true) &&
		!alone_on_line(s, len, pos, a.end))
	{
		*skip = a.end - pos;
		return 0;
	}
	if (a.num.fraction && (a.num.spelled || a.num.share) && !sc->token_mode && below_one(&m->value))
	{
		m->kind = AT_MK_FRACTION;
		m->len = a.end - pos;
		return a.end;
	}
	if ((e = as_money_suffixed(sc, pos, &a, m)) > 0 ||
		(e = as_quantity(s, len, pos, &a, m)) > 0 ||
		(e = as_ordinal(sc, pos, &a, m)) > 0)
		return e;
	/* glued letters that are no unit or scale: reject the whole word */
	if (!a.num.spelled && at_alnum_at(s, len, a.end))
	{
		*skip = a.end - pos + word_at(s, len, a.end);
		return 0;
	}
	if ((e = as_year_or_age(s, len, pos, &a, m)) > 0)
		return e;
	if (is_version(sc, pos, &a))
	{
		*skip = a.end - pos;
		return 0;
	}
	if ((e = as_count(sc, pos, &a, m)) == 0 && !a.num.spelled)
	{
		/* not its digits after a point, comma or hyphen either: "ATR 72-500" */
		size_t		q = a.end;

		while (q < len && (at_digit_at(s, len, q) ||
						   (q + 1 < len && strchr("-.,", s[q]) && at_digit_at(s, len, q + 1))))
			q++;
		*skip = q - pos;
	}
	return e;
}

/* "from Feb 10 to 17": a day after a date and a range word ends the date's range, no count */
static bool
day_range_end(const char *s, size_t len, const AtMetric *prev, const AtMetric *m)
{
	size_t		p = prev->start + prev->len,
				wl;
	int64_t		d = small_int(&m->value);

	if (prev->kind != AT_MK_DATE || d < 1 || d > 31 || m->start < p || m->start - p > 12 ||
		!at_digit_at(s, len, p - 1))
		return false;			/* the date ends in its day: "Feb 10", not "on Sunday" */
	p += blank_len(s, len, p);
	if (p < len && s[p] == '-')
		p++;
	else if (p + 3 <= len && memcmp(s + p, "\xe2\x80\x93", 3) == 0)
		p += 3;					/* – */
	else if ((wl = word_at(s, len, p)) > 0 &&
			 (word_eq(s + p, wl, "to") || word_eq(s + p, wl, "through") || word_eq(s + p, wl, "and")))
		p += wl;
	else
		return false;
	return p + blank_len(s, len, p) == m->start;
}

/* ---- context: per, qualifier and change ---------------------------------- */

/*
 * "fell to 7.5 yuan per parcel, down from 8.2 yuan": a base named right
 * after a price, by words of comparison only, is a price of the same rate.
 */
static bool
base_of_price(const char *s, size_t from, size_t to)
{
	bool		linked = false;

	if (to < from || to - from > 40)
		return false;
	while (from < to)
	{
		size_t		wl = word_at(s, to, from);

		if (wl == 0 && (is_blank_byte(s[from]) || s[from] == ','))
		{
			from++;
			continue;
		}
		if (wl == 0 || !at_word_in(s + from, wl, base_links, AT_LENGTHOF(base_links)))
			return false;
		linked = word_eq(s + from, wl, "from") || word_eq(s + from, wl, "with") ||
			word_eq(s + from, wl, "against");
		from += wl;
	}
	return linked;
}

/*
 * "The average price per parcel fell to 7.5 yuan": a price's rate named
 * before the figure, in the words that lead to it (no punctuation or other figure
 * between; "per capita" names no unit).  Sets m->per; returns end.
 */
static size_t
per_before(const char *s, AtMetric *m, size_t end)
{
	size_t		p = m->start,
				next = 0,
				next_len = 0;

	if (m->kind != AT_MK_MONEY)
		return end;				/* a price; "£4.85 per hour for those aged 22" is no rate */
	for (int i = 0; i < PER_BEFORE_WORDS; i++)
	{
		size_t		wl,
					wb = word_before(s, p, &wl);

		if (wl == 0)
			break;
		if (word_eq(s + wb, wl, "per") && next_len > 0)
		{
			if (s[next] >= 'a' && s[next] <= 'z' &&
				!at_word_in(s + next, next_len, per_not_unit, AT_LENGTHOF(per_not_unit)))
			{
				m->per = s + next;
				m->per_len = next_len;
			}
			break;
		}
		next = wb;
		next_len = wl;
		p = wb;
	}
	return end;
}

/*
 * What a price or rate is per: "$183 per ton", "3,870 yuan a ton", "two new
 * unicorns a year".  Sets m->per and widens the figure over it; returns the
 * new end.
 */
static size_t
add_per(const char *s, size_t len, AtMetric *m, size_t end)
{
	size_t		q = end + blank_len(s, len, end),
				e,
				w,
				wl;
	bool		article = false,
				bracket = false;

	if (m->kind != AT_MK_MONEY && m->kind != AT_MK_COUNT && m->kind != AT_MK_QUANTITY &&
		m->kind != AT_MK_PERCENT)
		return end;
	if (q < len && (s[q] == '(' || s[q] == ')'))
	{
		/*
		 * "73,500 yuan ($10,350) per ton": a bracketed conversion between
		 * the figure and "per"; both figures are per the unit
		 */
		size_t		r = q + 1;

		if (s[q] == '(')
			while (r < len && r < q + 48 && s[r] != ')' && s[r] != '(' && s[r] != '\n')
				r++;
		else if (back_blanks(s, m->start) == 0 || s[back_blanks(s, m->start) - 1] != '(')
			return end;			/* not s[-1] when only blanks come before */
		if (r >= len || (s[q] == '(' && s[r] != ')'))
			return end;
		bracket = true;
		q = r + 1 + blank_len(s, len, r + 1);
	}
	else if (q == end)
		return per_before(s, m, end);
	if ((e = match_word(s, len, q, "per", true)) == 0)
	{
		if ((e = match_word(s, len, q, "a", true)) == 0 && (e = match_word(s, len, q, "an", true)) == 0)
			return bracket ? end : per_before(s, m, end);
		article = true;
	}
	w = e + blank_len(s, len, e);
	if (w == e || !at_alpha_at(s, len, w) || s[w] < 'a' || s[w] > 'z')
		return end;
	wl = word_at(s, len, w);
	if (article)
	{
		size_t		n = w + wl + blank_len(s, len, w + wl),
					nl = word_at(s, len, n);

		if (!at_word_in(s + w, wl, per_after_article, AT_LENGTHOF(per_after_article)) ||
			(n > w + wl && at_word_in(s + n, nl, not_per_after, AT_LENGTHOF(not_per_after))) ||
			/* "a year on year" */
			(n > w + wl && word_eq(s + n, nl, "on") && n + nl + 1 + wl <= len &&
			 word_at(s, len, n + nl + 1) == wl && strncmp(s + n + nl + 1, s + w, wl) == 0))
			return end;
	}
	m->per = s + w;
	m->per_len = wl;
	if (bracket)
		return end;				/* the figure in brackets is read on its own */
	m->len = w + wl - m->start;
	return w + wl;
}

/* ---- context: qualifier and change -------------------------------------- */

/*
 * By initial, bit l: a change word of l letters (built once by
 * letter_tables_init(); every change word is lower-case ASCII, shorter
 * than 32): most words around a figure are rejected without a compare.
 */
static uint32_t change_word_lens[26];

static AT_NOINLINE void
change_word_lens_build(void)
{
	for (size_t i = 0; i < AT_LENGTHOF(change_words); i++)
		change_word_lens[change_words[i].word[0] - 'a'] |= UINT32_C(1) << strlen(change_words[i].word);
}

/* The change word s[0, wl) is (as word_eq() compares), or NULL */
static const ChangeWord *
change_word(const char *s, size_t wl)
{
	unsigned	k;

	if (wl == 0 || wl >= 32)
		return NULL;
	k = (unsigned) (unsigned char) lower(s[0]) - 'a';
	if (k >= 26 || !((change_word_lens[k] >> wl) & 1))
		return NULL;
	for (size_t i = 0; i < AT_LENGTHOF(change_words); i++)
		if (word_eq(s, wl, change_words[i].word))
			return &change_words[i];
	return NULL;
}

static void
add_context(const char *s, size_t len, AtMetric *m)
{
	const char *which = NULL;
	const ChangeWord *cw;
	size_t		b,
				p,
				q;
	int			steps = 0;
	bool		by_only;

	/* qualifier just before */
	b = phrase_before(s, m->start, qualifiers, AT_LENGTHOF(qualifiers), &which);
	if (b != SIZE_MAX)
		m->qualifier = which;

	if (m->kind != AT_MK_PERCENT && m->kind != AT_MK_PERCENTAGE_POINT &&
		m->kind != AT_MK_MONEY && m->kind != AT_MK_COUNT && m->kind != AT_MK_QUANTITY)
		return;

	/* change before: walk back over filler words to a change word */
	by_only = true;
	p = (b != SIZE_MAX) ? b : m->start;
	while (steps++ < 6)
	{
		size_t		wl,
					wb = word_before(s, p, &wl);

		if (wl == 0)
			break;
		if ((cw = change_word(s + wb, wl)) != NULL)
			m->change = cw->up ? "increase" : "decrease";
		if (m->change && (word_eq(s + wb, wl, "up") || word_eq(s + wb, wl, "down")))
		{
			/* "up 9 percent", "down by 3%", but not "set up a 1.5 billion fund" */
			size_t		w2l,
						w2 = word_before(s, wb, &w2l);

			if ((steps > 1 && !by_only) ||
				(w2l && at_word_in(s + w2, w2l, phrasal_verbs, AT_LENGTHOF(phrasal_verbs))))
			{
				m->change = NULL;
				break;
			}
		}
		if (m->change)
		{
			/* "a year-on-year rise of 18.4%" */
			size_t		w2l,
						w2 = word_before(s, wb, &w2l);

			if (w2l && at_word_in(s + w2, w2l, periods, AT_LENGTHOF(periods)))
				m->period = "year-on-year";
			break;
		}
		if (!at_word_in(s + wb, wl, change_fillers, AT_LENGTHOF(change_fillers)))
			break;
		by_only = by_only && word_eq(s + wb, wl, "by");
		if (word_eq(s + wb, wl, "year-on-year"))
			m->period = "year-on-year";
		p = wb;
	}
	if (!m->change)
		m->period = NULL;

	/* after: "18.4 percent year-on-year", "a 5 percent rise", "from a year earlier" */
	q = m->start + m->len;
	q += blank_len(s, len, q);
	for (size_t i = 0; i < AT_LENGTHOF(periods); i++)
	{
		size_t		e = match_word(s, len, q, periods[i], true);

		if (e)
		{
			m->period = periods[i][0] == 'y' ? "year-on-year" :
				periods[i][0] == 'm' ? "month-on-month" :
				periods[i][0] == 'q' ? "quarter-on-quarter" :
				periods[i][0] == 'w' ? "week-on-week" : "day-on-day";
			q = e + blank_len(s, len, e);
			break;
		}
	}
	if (m->period == NULL && q < len && s[q] == 'f')
		for (size_t i = 0; i < AT_LENGTHOF(yoy_phrases); i++)
			if (match_word(s, len, q, yoy_phrases[i], true))
			{
				m->period = "year-on-year";
				break;
			}
	if (m->change == NULL && (m->kind == AT_MK_PERCENT || m->kind == AT_MK_PERCENTAGE_POINT))
	{
		size_t		wl = word_at(s, len, q);

		if (wl > 3 && (cw = change_word(s + q, wl)) != NULL)
			m->change = cw->up ? "increase" : "decrease";
	}
	if (m->change == NULL)
		m->period = NULL;
	if (m->change && m->value.neg)
		m->change = "decrease";
}

/* ---- entry points ------------------------------------------------------- */

/* metrics.h: a list of 100,000 figures stays under glibc's 32 MiB mmap threshold */
_Static_assert(sizeof(AtMetric) <= 248, "AtMetric: keep it at most 248 bytes (see metrics.h)");

/* Could a figure start at pos?  Cheap first-byte test */
static inline bool
may_start(const char *s, size_t len, size_t pos)
{
	unsigned char c = (unsigned char) s[pos];

	if (c >= '0' && c <= '9')
		return true;
	if (c == '$' || c == '-' || c == '.' || c == '+' || c >= 0xC2 || c == '&' || c == '%')
		return c != '.' || at_digit_at(s, len, pos + 1);
	return at_is_ascii_alpha(c);
}

/* Initials of number words and start words (a e f h m n o p q s t y z) */
#define LETTER_BIT(c) (1u << ((c) - 'a'))
#define NUMBER_INITIALS (LETTER_BIT('a') | LETTER_BIT('e') | LETTER_BIT('f') | LETTER_BIT('h') | \
						 LETTER_BIT('m') | LETTER_BIT('n') | LETTER_BIT('o') | LETTER_BIT('p') | \
						 LETTER_BIT('q') | LETTER_BIT('s') | LETTER_BIT('t') | LETTER_BIT('y') | \
						 LETTER_BIT('z'))

/* First three letters of month and weekday names (the caller checked for three letters) */
static bool
month_prefix(const char *w)
{
	static const char prefixes[][4] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
		"mon", "tue", "wed", "thu", "fri", "sat", "sun"
	};
	static uint32_t initials = 0;	/* bit per first letter of a prefix, built once */
	char		a = lower(w[0]),
				b = lower(w[1]),
				c = lower(w[2]);

	if (initials == 0)
		for (size_t i = 0; i < AT_LENGTHOF(prefixes); i++)
			initials |= LETTER_BIT(prefixes[i][0]);
	if (a < 'a' || a > 'z' || !(initials & LETTER_BIT(a)))
		return false;
	for (size_t i = 0; i < AT_LENGTHOF(prefixes); i++)
		if (prefixes[i][0] == a && prefixes[i][1] == b && prefixes[i][2] == c)
			return true;
	return false;
}

/* Words that may start a figure although they are no number word */
static const char *const start_words[] = {
	"a", "an", "half", "quarter", "minus", "negative", "percent", "percents", "percentage",
	"yesterday",
};

/*
 * By initial, bit l: a start word of l letters (built once from the list):
 * most words of a text have no start word of their initial and length
 */
static uint32_t start_word_lens[26];
static uint8_t start_word_len[AT_LENGTHOF(start_words)];

static AT_NOINLINE void
start_word_lens_build(void)
{
	for (size_t i = 0; i < AT_LENGTHOF(start_words); i++)
	{
		start_word_len[i] = (uint8_t) strlen(start_words[i]);
		start_word_lens[start_words[i][0] - 'a'] |= UINT32_C(1) << strlen(start_words[i]);
	}
}

/*
 * at_word_in(s + pos, wl, start_words, ...) for this short list: by length
 * first, in place (most calls are for "a" and "an", and the general lookup
 * cost several times the compare).  After letter_tables_init().
 */
static inline bool
start_word_at(const char *s, size_t pos, size_t wl)
{
	for (size_t i = 0; i < AT_LENGTHOF(start_words); i++)
	{
		size_t		j = 0;

		if (start_word_len[i] != wl)
			continue;
		while (j < wl && lower(s[pos + j]) == start_words[i][j])
			j++;
		if (j == wl)
			return true;
	}
	return false;
}

/*
 * Bit k: a word whose first three letters (folded) are trigram k may be a
 * number word (at_number_word_prefix()), a month or weekday (month_prefix())
 * or "per cent"; built once from those tests themselves, so it is exact as
 * a no for each of them.
 */
static uint64_t tail_trigrams[(26 * 26 * 26 + 63) / 64];

static AT_NOINLINE void
tail_trigrams_build(void)
{
	char		w[4] = {0};

	for (int a = 0; a < 26; a++)
		for (int b = 0; b < 26; b++)
			for (int c = 0; c < 26; c++)
			{
				unsigned	k = ((unsigned) a * 26 + (unsigned) b) * 26 + (unsigned) c;

				w[0] = (char) ('a' + a);
				w[1] = (char) ('a' + b);
				w[2] = (char) ('a' + c);
				if (at_number_word_prefix(w, 3, 0) || month_prefix(w) || memcmp(w, "per", 3) == 0)
					tail_trigrams[k / 64] |= UINT64_C(1) << (k % 64);
			}
}

/*
 * The tables of letter_candidate() (start words, trigrams, holiday names)
 * and of change_word(), built once per process.  Each entry point calls this once per call, so
 * that the scan does not test two flags at every word.
 */
static bool letter_tables_built = false;

static inline void
letter_tables_init(void)
{
	if (letter_tables_built)
		return;
	start_word_lens_build();
	tail_trigrams_build();
	change_word_lens_build();
	at_holidays_init();
	letter_tables_built = true;
}

/* A capitalised word of the initial and length of a holiday name's first word */
#define HOLIDAY_GATE(s, len, pos, wl, c, lc) \
	((c) <= 'Z' && (wl) < 32 && ((at_holiday_lens[(lc) - 'a'] >> (wl)) & 1) && holiday_candidate(s, len, pos))

/*
 * Could a figure start at the word s[pos, pos + wl)?  Spelled numbers,
 * months and weekdays, currency codes before an amount ("RMB 5", "US$",
 * "usd 200").  Most words of a text are none of these; rejecting them here
 * keeps the scan fast.  wl is the caller's count of letters at pos.
 *
 * The tests of the word itself (months, number words, start words, "per
 * cent") run only when its initial and length (start words) or first three
 * letters (tail_trigrams) allow one: most words are rejected by one branch
 * the CPU predicts, not by a chain of tests whose outcome varies by word.
 * The caller has called letter_tables_init().
 */
static AT_ALWAYS_INLINE bool
letter_candidate(const char *s, size_t len, size_t pos, size_t wl)
{
	unsigned char c = (unsigned char) s[pos];
	unsigned char lc = (unsigned char) (c | 0x20);
	unsigned	kc = (unsigned) c - 'a',
				kl = (unsigned) lc - 'a';
	size_t		after = pos + wl,
				ml;
	/* a lower-case word of no number-word or start-word initial: only a code before an amount */
	bool		lni = (kc < 26) & (((NUMBER_INITIALS >> (kc & 31)) & 1) == 0);
	bool		amount_after,
				may;

	if (wl > (lni ? 4u : 10u))
		return !lni && HOLIDAY_GATE(s, len, pos, wl, c, lc);
	/* an amount after it: "usd 200", "rmb10", "RMB 5", "US$" */
	amount_after = after < len &&
		(s[after] == '$' || at_digit_at(s, len, after) ||
		 (s[after] == ' ' && (at_digit_at(s, len, after + 1) || (after + 1 < len && s[after + 1] == '$'))));
	if (amount_after || (!lni && after < len && s[after] == '.' && wl <= 3))
		return true;
	/* could one of the tests below say yes? */
	may = kl < 26 && wl < 32 && ((start_word_lens[kl & 31] >> wl) & 1);
	if (wl >= 3 && kl < 26)
	{
		unsigned	b = (unsigned) (s[pos + 1] | 0x20) - 'a',
					d = (unsigned) (s[pos + 2] | 0x20) - 'a';
		unsigned	k = (kl * 26 + b) * 26 + d;

		may |= b < 26 && d < 26 && ((tail_trigrams[k / 64] >> (k % 64)) & 1);
	}
	/*
	 * lni is tested below only where may is set, which is rare for such a
	 * word (a lower-case "june"): a test here varied with every word.  The
	 * holiday gate wants a capital, so it is false for them.
	 */
	if (!may)
		return HOLIDAY_GATE(s, len, pos, wl, c, lc);
	if (lni)
		return false;
	if (c >= 'A' && c <= 'Z' && wl >= 3 && month_prefix(s + pos) &&
		(at_month_at(s, len, pos, &ml) || at_weekday_at(s, len, pos, &ml)))
		return true;
	if (wl >= 3 && wl <= 9 && at_number_word_prefix(s, len, pos) && at_number_word_at(s, len, pos, &ml) >= 0)
		return true;
	if (lc >= 'a' && lc <= 'z' && wl < 32 && ((start_word_lens[lc - 'a'] >> wl) & 1) &&
		start_word_at(s, pos, wl))
		return true;
	if (lc == 'p' && wl == 3 && match_pattern(s, len, pos, "per cent", true))
		return true;
	return HOLIDAY_GATE(s, len, pos, wl, c, lc);
}

/*
 * Could a figure start at the lower-case article "a"/"an" at pos (wl letters)?
 * Exactly the paths of try_at() that read one: "a$5" (amount_prefix(): A$),
 * a share ("a third of": as_fraction_word()), a spelled number ("a hundred",
 * "a fifth": at_article_number_at()).  A third of the candidates the scan
 * tries are lone articles, and almost none of them starts a figure.
 */
static bool
article_may_start(const char *s, size_t len, size_t pos, size_t wl)
{
	size_t		e = pos + wl;

	if (e < len && s[e] == '$')
		return true;
	if (wl == 1)
	{
		/* match_pattern()'s ' ': blanks, or a hyphen and blanks */
		size_t		q = e + blank_len(s, len, e);

		if (q == e && q < len && s[q] == '-')
			q += 1 + blank_len(s, len, q + 1);
		for (size_t i = 0; i < AT_LENGTHOF(fraction_words); i++)
		{
			const char *pat = fraction_words[i].pattern;

			if (pat[0] == 'a' && pat[1] == ' ' && q > e && q < len && lower(s[q]) == pat[2] &&
				match_word(s, len, pos, pat, true))
				return true;
		}
	}
	return at_article_number_at(s, len, pos);
}

/*
 * A lower-case word before a blank ("in 2004", "the 12", "of $5"), which
 * letter_candidate() passes for the amount after it (a currency code: "usd
 * 200"): does try_at() surely find no figure at it, and no skip?  Its ways
 * for such a word, one by one: a relative day ("y"), a percent ("p"), a
 * fraction word ("h", "a"), a minus word ("m", "n"), a currency prefix, a
 * spelled number (no entry of number_word() shares its first three letters;
 * "half", "quarter" and the articles start with "h", "q" and "a").  Where
 * each fails, try_at() returns 0 and no skip, and the scan steps over the
 * word, as it does here.
 */
static bool
lower_word_no_figure(const char *s, size_t len, size_t pos, size_t wl)
{
	/* initials of the ways above other than currencies and numbers */
	const uint32_t other_ways = LETTER_BIT('a') | LETTER_BIT('h') | LETTER_BIT('m') |
		LETTER_BIT('n') | LETTER_BIT('p') | LETTER_BIT('q') | LETTER_BIT('y');
	unsigned char c = (unsigned char) s[pos];
	size_t		e;

	if (c < 'a' || c > 'z' || pos + wl >= len || s[pos + wl] != ' ' ||
		(other_ways & LETTER_BIT(c)) || at_number_word_prefix(s, len, pos))
		return false;
	return match_currency(currency_prefixes, AT_LENGTHOF(currency_prefixes), s, len, pos, &e, true) == NULL;
}

/* A figure of value (not a year, date or ordinal): it has a measure, holder and period */
static bool
value_kind(AtMetricKind k)
{
	return k == AT_MK_MONEY || k == AT_MK_PERCENT || k == AT_MK_PERCENTAGE_POINT ||
		k == AT_MK_COUNT || k == AT_MK_QUANTITY || k == AT_MK_FRACTION;
}

/* "May 3" with no year: the latest May 3 on or before the reference date */
static void
resolve_date(AtMetric *m, const AtDay *ref)
{
	if (ref == NULL || m->kind != AT_MK_DATE || m->has_date || !m->date.has_day ||
		m->date.has_year || m->date.month < 1)
		return;
	m->date.year = (m->date.month > ref->month ||
					(m->date.month == ref->month && m->date.day > ref->day)) ? ref->year - 1 : ref->year;
	m->date.has_year = true;
	/* "Feb 29": the latest leap year (at most eight years back: 1900, 2100) */
	for (int k = 0; k < 8 && m->date.month == 2 && m->date.day == 29 &&
		 at_days_in_month(m->date.year, 2) < 29; k++)
		m->date.year--;
	m->has_date = m->date.day <= at_days_in_month(m->date.year, m->date.month);
}

/*
 * "three-tenths of a percent": the fraction f just before "of a percent"
 * (m, one percent) is the value of the percent; m takes f in.
 */
static bool
percent_of_fraction(const char *s, const AtMetric *f, AtMetric *m)
{
	size_t		p = f->start + f->len,
				e;

	if (f->kind != AT_MK_FRACTION || !f->has_value || f->has_range || m->kind != AT_MK_PERCENT ||
		m->has_range)
		return false;
	p += blank_len(s, m->start, p);
	if ((e = match_word(s, m->start, p, "of", true)) == 0 || e + blank_len(s, m->start, e) != m->start ||
		e == m->start || lower(s[m->start]) != 'a')
		return false;
	m->has_value = true;
	m->value = f->value;
	m->len += m->start - f->start;
	m->start = f->start;
	return true;
}

/* Words between a duration and a date that move the date: "2 weeks before May 13" */
typedef struct DateShiftWord
{
	const char *word;
	int			sign;
} DateShiftWord;

static const DateShiftWord date_shift_words[] = {
	{"before", -1}, {"after", 1}, {"from", 1},
};

/* Words before such a duration that make it a length of time: "closed for five days from Feb 17" */
static const char *const duration_lead_words[] = {
	"for", "within", "over", "during", "lasting", "of", "first", "next", "past", "last",
};

/*
 * "2 weeks before May 13 1999", "16 days from 01/02/2018": the duration d
 * (the row just before the date m) and a word of date_shift_words between
 * them make one date, moved by the duration.  True when m took d in.
 */
static bool
shift_date(const char *s, const AtMetric *d, AtMetric *m)
{
	size_t		p = d->start + d->len,
				wl;
	int64_t		n;
	int			sign = 0;
	AtDay		day = {m->date.year, m->date.month, m->date.day};

	if (!m->has_date || d->kind != AT_MK_QUANTITY || d->has_range || d->unit == NULL ||
		!at_num_to_i64(&d->value, &n) || n < 1 || n > 1000 || !at_num_is_integer(&d->value))
		return false;
	p += blank_len(s, m->start, p);
	wl = word_at(s, m->start, p);
	for (size_t i = 0; i < AT_LENGTHOF(date_shift_words); i++)
		if (word_eq(s + p, wl, date_shift_words[i].word))
			sign = date_shift_words[i].sign;
	if (sign == 0 || p + wl + blank_len(s, m->start, p + wl) != m->start)
		return false;
	p = word_before(s, d->start, &wl);
	if (wl && at_word_in(s + p, wl, duration_lead_words, AT_LENGTHOF(duration_lead_words)))
		return false;
	if (strcmp(d->unit, "days") == 0 || strcmp(d->unit, "weeks") == 0)
		day = at_day_add(&day, sign * n * (d->unit[0] == 'w' ? 7 : 1));
	else if (strcmp(d->unit, "months") == 0 || strcmp(d->unit, "years") == 0)
	{
		long		mi = (long) day.year * 12 + (day.month - 1) + sign * n * (d->unit[0] == 'y' ? 12 : 1);

		if (mi < 12 || mi >= 10000 * 12)
			return false;
		day.year = (int) (mi / 12);
		day.month = (int) (mi % 12) + 1;
		day.day = AT_MIN(day.day, at_days_in_month(day.year, day.month));
	}
	else
		return false;
	if (day.year < 1 || day.year > 9999)
		return false;
	m->date.year = day.year;
	m->date.month = day.month;
	m->date.day = day.day;
	m->len += m->start - d->start;
	m->start = d->start;
	return true;
}

/* Measure, holder and period of the figures of out[first..], sentence by sentence */
static void
sentence_context(const char *s, const AtDay *ref, const AtVec *sentences, AtVec *out, size_t first)
{
	unsigned	iter = 0;

	for (size_t i = first, j; i < out->len; i = j)
	{
		AtMetric   *m = AT_VEC_AT(out, AtMetric, i);
		const AtSpan *sp;

		if ((++iter & 0xFF) == 0)
			AT_CHECK_INTERRUPTS();
		for (j = i + 1; j < out->len && AT_VEC_AT(out, AtMetric, j)->sentence == m->sentence; j++)
			;
		if (m->sentence <= 0 || (size_t) m->sentence > sentences->len)
			continue;
		/* only figures of value have a measure, holder and period: most sentences have none */
		{
			bool		any = false;

			for (size_t k = i; k < j && !any; k++)
				any = value_kind(AT_VEC_AT(out, AtMetric, k)->kind);
			if (!any)
				continue;
		}
		sp = AT_VEC_AT(sentences, AtSpan, m->sentence - 1);
		at_measure_figures(s, sp->start, sp->start + sp->len, ref, m, j - i);
		at_measure_table_rows(s, sp->start + sp->len, ref, m, j - i);
	}
	/* a restatement ("$1.21 trillion" after "8.7 trillion yuan") is the same figure */
	for (size_t i = first; i < out->len; i++)
	{
		AtMetric   *m = AT_VEC_AT(out, AtMetric, i);

		if (m->equivalent_of > 0 && (size_t) m->equivalent_of <= out->len)
		{
			const AtMetric *o = AT_VEC_AT(out, AtMetric, m->equivalent_of - 1);

			m->measure = o->measure;
			m->measure_len = o->measure_len;
			m->holder = o->holder;
			m->holder_len = o->holder_len;
			m->time = o->time;
		}
	}
}

void
at_extract_metrics(const char *s, size_t len, AtVec *out)
{
	at_extract_metrics_ref(s, len, NULL, out);
}

void
at_extract_metrics_ref(const char *s, size_t len, const AtDay *ref, AtVec *out)
{
	Scan		sc = {s, len, false, NO_BLOCK, NULL, NO_BLOCK, false, ref};
	AtVec		sentences;
	size_t		pos = 0,
				line_start = 0,
				line_end = 0;
	int			line_chrome = -1;	/* -1: not checked yet */
	size_t		last_money_end = SIZE_MAX;
	int			last_money_n = 0;
	unsigned	iter = 0;
	size_t		first = out->len;

	at_vec_init(&sentences, out->mem, sizeof(AtSpan));
	at_split_sentences(s, len, &sentences);
	letter_tables_init();

	while (pos < len)
	{
		AtMetric	m;
		size_t		end,
					skip;

		if ((++iter & 0x3FF) == 0)
			AT_CHECK_INTERRUPTS();
		if (pos >= line_end)
		{
			const char *nl = memchr(s + pos, '\n', len - pos);

			line_start = pos;
			line_end = nl ? (size_t) (nl - s) + 1 : len;
			line_chrome = -1;
		}
		if (at_is_ascii_alpha((unsigned char) s[pos]))
		{
			/* a word: most are skipped whole after a look at their first letters */
			size_t		wl = 1 + at_ascii_run(s, len, pos + 1, false);
			char		c2 = pos + 1 < len ? lower(s[pos + 1]) : '\0';

			if (alnum_before(s, pos))
			{
				pos += wl;
				continue;
			}
			if (((c2 == 't' && lower(s[pos]) == 'h') || (c2 == 'w' && lower(s[pos]) == 'w')) &&
				(skip = address_at(s, len, pos)) > 0)
			{
				pos += skip;
				continue;
			}
			if (!letter_candidate(s, len, pos, wl))
			{
				unsigned char nc = pos + wl < len ? (unsigned char) s[pos + wl] : ' ';

				/* with its hyphenated parts (most words end at a blank or a stop: no call) */
				if (at_is_ascii_alpha(nc) || (nc >= '0' && nc <= '9') || nc == '-' || nc == '\'' || nc == 0xE2)
					pos += word_from(s, len, pos, pos + wl);
				else
				{
					/* and the spaces after it, where no figure starts (not a line end) */
					pos += wl;
					while (pos < len && s[pos] == ' ')
						pos++;
				}
				continue;
			}
			if (lower_word_no_figure(s, len, pos, wl))
			{
				/* as when try_at() finds none at a word (a blank follows it) */
				pos += wl;
				continue;
			}
			if (s[pos] == 'a' && (wl == 1 || (wl == 2 && s[pos + 1] == 'n')) &&
				!article_may_start(s, len, pos, wl))
			{
				/* as when try_at() finds none at a word */
				size_t		next = pos + word_at(s, len, pos);

				if (next > line_end && chrome_line_cached(s, line_start, line_end, &line_chrome))
					next = line_end;
				pos = next;
				continue;
			}
		}
		else if (!may_start(s, len, pos) || (alnum_before(s, pos) && s[pos] != '$' &&
											  (unsigned char) s[pos] < 0xC2))
		{
			pos++;
			continue;
		}
		end = try_at(&sc, pos, &m, &skip);
		if (end == 0)
		{
			size_t		next;

			if (skip)
				next = pos + skip;
			else if ((unsigned char) s[pos] >= 0x80)
				next = pos + (size_t) AT_MAX(1, at_utf8_seqlen((unsigned char) s[pos]));
			else if (at_is_ascii_alpha((unsigned char) s[pos]))
				next = pos + word_at(s, len, pos);
			else
				next = pos + 1;
			/* a skip never carries a chrome line's candidate into the next line */
			if (next > line_end && chrome_line_cached(s, line_start, line_end, &line_chrome))
				next = line_end;
			pos = next;
			continue;
		}
		/*
		 * Chrome lines (footers, widgets, navigation) carry no figures.  The
		 * classifier runs only on lines with a figure: most candidates fail
		 * and the whole-line test costs far more than a candidate.
		 */
		if (chrome_line_cached(s, line_start, line_end, &line_chrome))
		{
			pos = line_end;
			continue;
		}
		if (m.kind == AT_MK_COUNT && m.unit == NULL && out->len > first &&
			day_range_end(s, len, AT_VEC_AT(out, AtMetric, out->len - 1), &m))
		{
			pos = end;
			continue;
		}
		/* "percent of 10" and the like are not read; a lone "a" never */
		end = add_per(s, len, &m, end);
		add_context(s, len, &m);
		{
			long		si = at_sentence_of(&sentences, m.start);

			m.sentence = si >= 0 ? (int) si + 1 : 0;
		}
		/* "2 trillion yuan ($275.8 billion)" */
		if (m.kind == AT_MK_MONEY)
		{
			if (m.per == NULL && last_money_n == (int) out->len && last_money_n > 0 &&
				AT_VEC_AT(out, AtMetric, last_money_n - 1)->per != NULL &&
				base_of_price(s, last_money_end, m.start))
			{
				m.per = AT_VEC_AT(out, AtMetric, last_money_n - 1)->per;
				m.per_len = AT_VEC_AT(out, AtMetric, last_money_n - 1)->per_len;
			}
			if (last_money_end != SIZE_MAX)
			{
				size_t		q = last_money_end + blank_len(s, len, last_money_end);

				if (q < len && s[q] == '(')
				{
					size_t		r = q + 1 + blank_len(s, len, q + 1);
					const char *w;

					if (r < m.start && phrase_before(s, m.start, qualifiers, AT_LENGTHOF(qualifiers), &w) == r)
						r = m.start;
					if (r == m.start)
						m.equivalent_of = last_money_n;
				}
			}
			last_money_end = m.start + m.len;
			last_money_n = (int) out->len + 1;
		}
		resolve_date(&m, ref);
		if (m.kind == AT_MK_DATE && out->len > first &&
			shift_date(s, AT_VEC_AT(out, AtMetric, out->len - 1), &m))
			out->len--;			/* the duration is part of the date */
		else if (m.kind == AT_MK_PERCENT && out->len > first &&
				 percent_of_fraction(s, AT_VEC_AT(out, AtMetric, out->len - 1), &m))
		{
			out->len--;			/* the fraction is the percent's value */
			m.qualifier = m.change = m.period = NULL;
			add_context(s, len, &m);
		}
		*(AtMetric *) at_vec_push(out) = m;
		pos = end;
	}
	sentence_context(s, ref, &sentences, out, first);
	if (sentences.data)
		at_free(out->mem, sentences.data);	/* pfree(NULL) is not allowed */
}

bool
at_metric_token_may_start(const char *s, size_t len, size_t pos)
{
	unsigned char c;

	if (pos >= len)
		return false;
	c = (unsigned char) s[pos];
	if (c >= '0' && c <= '9')
		return true;
	if (c == '$' || c >= 0xC2)
		return true;
	if (c == '-' || c == '.')
		return at_digit_at(s, len, pos + 1);
	if (c >= 'A' && c <= 'Z')
		return true;
	if (c >= 'a' && c <= 'z')
	{
		size_t		wl = 1;

		while (at_alpha_at(s, len, pos + wl))
			wl++;
		letter_tables_init();
		return letter_candidate(s, len, pos, wl);
	}
	return false;
}

size_t
at_metric_token_at(const char *s, size_t len, size_t pos, AtMetricToken *out)
{
	Scan		sc = {s, len, true, NO_BLOCK, NULL, NO_BLOCK, false, NULL};
	AtMetric	m;
	size_t		end,
				skip;
	char		buf[AT_NUM_STRLEN];
	size_t		l;

	out->kind = AT_MTOK_NONE;
	out->len = 0;
	out->lexeme_len = 0;
	out->lexeme[0] = '\0';
	if (!at_metric_token_may_start(s, len, pos))
		return 0;
	end = try_at(&sc, pos, &m, &skip);
	if (end == 0)
		return 0;
	switch (m.kind)
	{
		case AT_MK_MONEY:
			{
				const char *iso = m.currency[0] ? m.currency : "XXX";

				for (int i = 0; i < 3; i++)
					out->lexeme[i] = lower(iso[i]);
				out->lexeme[3] = ':';
				l = at_num_format(&m.value, buf);
				memcpy(out->lexeme + 4, buf, l + 1);
				out->lexeme_len = 4 + l;
				out->kind = AT_MTOK_MONEY;
				break;
			}
		case AT_MK_PERCENT:
		case AT_MK_PERCENTAGE_POINT:
			{
				const char *pre = m.kind == AT_MK_PERCENT ? "pct:" : "pp:";
				size_t		pl = strlen(pre);

				memcpy(out->lexeme, pre, pl);
				l = at_num_format(&m.value, buf);
				memcpy(out->lexeme + pl, buf, l + 1);
				out->lexeme_len = pl + l;
				out->kind = m.kind == AT_MK_PERCENT ? AT_MTOK_PERCENT : AT_MTOK_PERCENTAGE_POINT;
				break;
			}
		case AT_MK_DATE:
			if (!m.date.has_year || m.date.year < 1 || m.date.year > 9999)
				return 0;
			if (m.has_date)
				l = (size_t) snprintf(out->lexeme, AT_MTOK_LEXEME_MAX, "%04d-%02d-%02d",
									  m.date.year, m.date.month, m.date.day);
			else if (m.date.month)
				l = (size_t) snprintf(out->lexeme, AT_MTOK_LEXEME_MAX, "%04d-%02d",
									  m.date.year, m.date.month);
			else
				return 0;
			out->lexeme_len = l;
			out->kind = AT_MTOK_DATE;
			break;
		default:
			return 0;
	}
	out->len = end - pos;
	return out->len;
}
