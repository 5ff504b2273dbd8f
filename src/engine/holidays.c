/*
 * holidays.c: one-day holidays by name, and their days in a year.
 *
 * Names of a season or a stretch of days ("Easter", "Christmas", "Spring
 * Festival", "Golden Week") are left out, and so are national days that
 * depend on the country ("Independence Day", "National Day", "Labor Day").
 * Names match as news writes them, capitalised; "'" in a name matches a
 * straight or a curly apostrophe.
 */
#include "holidays.h"
#include "utf8.h"

#include <string.h>

typedef enum HolidayRule
{
	HOL_FIXED,					/* month and day */
	HOL_EASTER,					/* days from Easter Sunday */
	HOL_THANKSGIVING			/* days from the fourth Thursday of November */
} HolidayRule;

struct AtHoliday
{
	const char *name;
	HolidayRule rule;
	int			month;			/* HOL_FIXED */
	int			day;			/* HOL_FIXED: day of the month; else days from the feast */
};

static const AtHoliday holidays[] = {
	{"Christmas Day", HOL_FIXED, 12, 25}, {"Christmas Eve", HOL_FIXED, 12, 24},
	{"Boxing Day", HOL_FIXED, 12, 26},
	{"New Year's Day", HOL_FIXED, 1, 1}, {"New Year's Eve", HOL_FIXED, 12, 31},
	{"Valentine's Day", HOL_FIXED, 2, 14}, {"Halloween", HOL_FIXED, 10, 31},
	{"St. Patrick's Day", HOL_FIXED, 3, 17}, {"St Patrick's Day", HOL_FIXED, 3, 17},
	{"Saint Patrick's Day", HOL_FIXED, 3, 17},
	{"International Workers' Day", HOL_FIXED, 5, 1},
	{"Singles' Day", HOL_FIXED, 11, 11},
	{"Fourth of July", HOL_FIXED, 7, 4},
	{"Good Friday", HOL_EASTER, 0, -2}, {"Easter Sunday", HOL_EASTER, 0, 0},
	{"Easter Monday", HOL_EASTER, 0, 1},
	{"Thanksgiving Day", HOL_THANKSGIVING, 0, 0}, {"Black Friday", HOL_THANKSGIVING, 0, 1},
	{"Cyber Monday", HOL_THANKSGIVING, 0, 4},
};

/* Letters of each name's first word, and its second letters by initial */
uint32_t	at_holiday_lens[26];
static uint32_t holiday_seconds[26];	/* bit k: a second letter 'a' + k */
static uint8_t holiday_first_len[AT_LENGTHOF(holidays)];
static bool holidays_built = false;

void
at_holidays_init(void)
{
	if (holidays_built)
		return;
	for (size_t i = 0; i < AT_LENGTHOF(holidays); i++)
	{
		const char *n = holidays[i].name;

		holiday_first_len[i] = (uint8_t) strcspn(n, " .'");
		at_holiday_lens[(n[0] | 0x20) - 'a'] |= 1u << holiday_first_len[i];
		holiday_seconds[(n[0] | 0x20) - 'a'] |= 1u << ((n[1] | 0x20) - 'a');
	}
	holidays_built = true;
}

/* End of name at pos (a blank in name: one or more blanks), or 0 */
static size_t
name_at(const char *s, size_t len, size_t pos, const char *name)
{
	size_t		p = pos;

	for (const char *c = name; *c; c++)
	{
		if (*c == ' ')
		{
			size_t		b = p;

			while (b < len && (s[b] == ' ' || s[b] == '\t'))
				b++;
			if (b == p)
				return 0;
			p = b;
		}
		else if (*c == '\'' && p + 2 < len && (unsigned char) s[p] == 0xE2 &&
				 (unsigned char) s[p + 1] == 0x80 && (unsigned char) s[p + 2] == 0x99)
			p += 3;
		else if (p < len && s[p] == *c)
			p++;
		else
			return 0;
	}
	return at_alnum_at(s, len, p) ? 0 : p;
}

const AtHoliday *
at_holiday_at(const char *s, size_t len, size_t pos, size_t *end)
{
	size_t		wl = 0;

	at_holidays_init();
	while (pos + wl < len && wl < 32 && at_is_ascii_alpha((unsigned char) s[pos + wl]))
		wl++;
	/* most capitalised words: no name starts with their initial, length and second letter */
	if (wl < 2 || wl >= 32 || s[pos] < 'A' || s[pos] > 'Z' || !((at_holiday_lens[s[pos] - 'A'] >> wl) & 1) ||
		!((holiday_seconds[s[pos] - 'A'] >> ((s[pos + 1] | 0x20) - 'a')) & 1))
		return NULL;
	for (size_t i = 0; i < AT_LENGTHOF(holidays); i++)
		if (holidays[i].name[0] == s[pos] && holiday_first_len[i] == wl &&
			(*end = name_at(s, len, pos, holidays[i].name)) > 0)
			return &holidays[i];
	return NULL;
}

AtDay
at_holiday_day(const AtHoliday *h, int y)
{
	AtDay		d = {y, h->month, h->day};

	if (h->rule == HOL_EASTER)
	{
		/* Gregorian computus (Meeus, Jones and Butcher) */
		int			a = y % 19,
					b = y / 100,
					c = y % 100,
					g = (b - (b + 8) / 25 + 1) / 3,
					e = (19 * a + b - b / 4 - g + 15) % 30,
					l = (32 + 2 * (b % 4) + 2 * (c / 4) - e - c % 4) % 7,
					m = (a + 11 * e + 22 * l) / 451;
		AtDay		sun = {y, (e + l - 7 * m + 114) / 31, (e + l - 7 * m + 114) % 31 + 1};

		d = at_day_add(&sun, h->day);
	}
	else if (h->rule == HOL_THANKSGIVING)
	{
		AtDay		nov1 = {y, 11, 1};

		/* at_day_of_week: Monday = 0, Thursday = 3 */
		d = at_day_add(&nov1, (3 - at_day_of_week(&nov1) + 7) % 7 + 21 + h->day);
	}
	return d;
}
