/*
 * trigger.c: article_tools.process_article(), the row trigger that
 * article_tools.attach() installs, and the row loop of attach/reprocess.
 *
 * For each attached table the statements to run are generated in SQL
 * (article_tools._pipeline_statements, src/sql/60_pipeline.sql) from the
 * catalogs, prepared once per backend and relation, and kept until a
 * relcache invalidation of the table or one of its side tables.  The
 * statements are fully schema-qualified, and run as the owner of the table
 * (as the foreign key triggers do), so neither the caller's search_path nor
 * the caller's privileges change what they do.
 *
 * Errors: by default an article the processing functions reject fails the
 * statement with the functions' own error, to which a CONTEXT line adds the
 * table, the row's key and the step; with on_error = skip the processing
 * runs in a subtransaction, and a failure is recorded in <table>_errors
 * instead.  A cancel is never swallowed.
 */
#include "glue.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/partition.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(at_process_article);
PG_FUNCTION_INFO_V1(at_process_existing);
PG_FUNCTION_INFO_V1(at_process_pending);
PG_FUNCTION_INFO_V1(at_count_pending);

struct Pipeline;
static int64 process_scan(struct Pipeline *p, SPIPlanPtr scan, Datum *args,
						 int32 batch, int64 total, ItemPointer last);

#define MAX_KEYS INDEX_MAX_KEYS
#define N_SIDE 4

/* What one relation needs to process its rows; lives in its own context. */
typedef struct Pipeline
{
	MemoryContext cxt;
	int			busy;			/* calls using it right now */
	Oid			root;			/* the attached table */
	Oid			side[N_SIDE];	/* its side tables (InvalidOid when absent) */
	Oid			owner;			/* owner of the attached table */
	bool		skip;			/* on_error = skip */
	int			nkeys;
	char	  **key_names;
	Oid		   *key_types;
	AttrNumber *key_attnums;	/* in the relation the entry is for */
	AttrNumber	raw_attnum;
	char	   *relname;		/* schema-qualified name of the attached table */
	char	   *errors_table;
	char	   *scan_sql;
	char	   *pending_sql;	/* $1 parts, $2 part, $3 limit */
	char	   *insert_sql;		/* the statements, to recognise them in */
	char	   *delete_sql;		/* an error's context */
	SPIPlanPtr	insert_plan;
	SPIPlanPtr	delete_plan;
	SPIPlanPtr	error_plan;
	struct Pipeline *next_retired;
} Pipeline;

typedef struct CacheEntry
{
	Oid			relid;			/* hash key */
	bool		valid;
	Pipeline   *pipeline;
} CacheEntry;

static HTAB *cache = NULL;
static Pipeline *retired = NULL;	/* invalidated while busy; freed later */

/* One row to process: its keys (new and, for UPDATE/DELETE, old) and text. */
typedef struct RowWork
{
	Datum		keys[MAX_KEYS];
	Datum		old_keys[MAX_KEYS];
	Datum		raw;
	bool		raw_null;
	bool		has_old;		/* delete the side rows of old_keys first */
	bool		insert;			/* then insert the side rows of keys */
	const char *keydesc;		/* "(id)=(42)" for messages */
} RowWork;

/* What an error's CONTEXT line names: the table, the row and the step. */
typedef struct StepContext
{
	Pipeline   *p;
	RowWork    *w;
	const char *step;			/* NULL: add no line */
} StepContext;

#define STEP_DELETE "removing the side rows of the old text"
#define STEP_INSERT "processing the text into the side tables"
#define STEP_RECORD "recording the error"

static void
invalidate_cb(Datum arg, Oid relid)
{
	HASH_SEQ_STATUS status;
	CacheEntry *e;

	hash_seq_init(&status, cache);
	while ((e = hash_seq_search(&status)) != NULL)
	{
		Pipeline   *p = e->pipeline;
		bool		hit = !OidIsValid(relid) || e->relid == relid;

		if (p && !hit)
		{
			hit = (p->root == relid);
			for (int i = 0; i < N_SIDE && !hit; i++)
				hit = (p->side[i] == relid);
		}
		if (hit)
			e->valid = false;
	}
}

static void
pipeline_free(Pipeline *p)
{
	if (p->insert_plan)
		SPI_freeplan(p->insert_plan);
	if (p->delete_plan)
		SPI_freeplan(p->delete_plan);
	if (p->error_plan)
		SPI_freeplan(p->error_plan);
	MemoryContextDelete(p->cxt);
}

/* Frees a replaced pipeline now, or once nothing uses it any more. */
static void
pipeline_retire(Pipeline *p)
{
	Pipeline  **link = &retired;

	if (p)
	{
		p->next_retired = retired;
		retired = p;
	}
	while (*link)
	{
		Pipeline   *r = *link;

		if (r->busy == 0)
		{
			*link = r->next_retired;
			pipeline_free(r);
		}
		else
			link = &r->next_retired;
	}
}

/* The attached table that relid is, or is a partition of. */
static Oid
find_attached(Oid relid)
{
	List	   *rels = list_make1_oid(relid);
	ListCell   *lc;

	if (get_rel_relispartition(relid))
		rels = list_concat(rels, get_partition_ancestors(relid));
	foreach(lc, rels)
	{
		Oid			r = lfirst_oid(lc);
		Datum		arg = ObjectIdGetDatum(r);
		Oid			argtype = OIDOID;

		if (SPI_execute_with_args("SELECT 1 FROM article_tools.attachments a "
								  "WHERE a.relid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass",
								  1, &argtype, &arg, NULL, true, 1) != SPI_OK_SELECT)
			elog(ERROR, "SPI query on article_tools.attachments failed");
		if (SPI_processed > 0)
			return r;
	}
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("table %s is not attached to the article_tools pipeline",
					quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
											   get_rel_name(relid))),
			 errhint("Attach it with article_tools.attach(table, raw_column), or drop the trigger that calls article_tools.process_article().")));
	return InvalidOid;			/* not reached */
}

static char *
getcol_text(HeapTuple tup, TupleDesc desc, const char *name)
{
	char	   *v = SPI_getvalue(tup, desc, SPI_fnumber(desc, name));

	return v ? pstrdup(v) : NULL;
}

static SPIPlanPtr
prepare_kept(const char *sql, int nargs, Oid *argtypes)
{
	/*
	 * Always the generic plan: a custom plan per row would re-plan the whole
	 * statement for every article, and the parameters (a key, a text) do
	 * not change the best plan.
	 */
	SPIPlanPtr	plan = SPI_prepare_cursor(sql, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN);

	if (plan == NULL)
		elog(ERROR, "article_tools: could not prepare \"%s\": %s",
			 sql, SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "article_tools: SPI_keepplan failed");
	return plan;
}

/* Builds the pipeline of a relation: a caller is connected to SPI. */
static Pipeline *
pipeline_build(Oid relid)
{
	Oid			root = find_attached(relid);
	Oid			argtype = REGCLASSOID;
	Datum		arg = ObjectIdGetDatum(root);
	HeapTuple	tup;
	TupleDesc	desc;
	MemoryContext cxt,
				old;
	Pipeline   *p;
	bool		isnull;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	char	   *raw_column;
	char	   *error_sql;
	Oid			argtypes[MAX_KEYS + 3];

	if (SPI_execute_with_args("SELECT * FROM article_tools._pipeline_statements($1)",
							  1, &argtype, &arg, NULL, true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "article_tools: could not read the pipeline of relation %u", root);
	tup = SPI_tuptable->vals[0];
	desc = SPI_tuptable->tupdesc;

	cxt = AllocSetContextCreate(CacheMemoryContext, "article_tools pipeline",
								ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(cxt);
	p = palloc0(sizeof(Pipeline));
	p->cxt = cxt;
	p->root = root;
	p->owner = DatumGetObjectId(SPI_getbinval(tup, desc, SPI_fnumber(desc, "owner"), &isnull));
	p->skip = strcmp(getcol_text(tup, desc, "on_error"), "skip") == 0;
	p->errors_table = getcol_text(tup, desc, "errors_table");
	p->scan_sql = getcol_text(tup, desc, "scan_sql");
	p->pending_sql = getcol_text(tup, desc, "pending_sql");
	raw_column = getcol_text(tup, desc, "raw_column");
	p->insert_sql = getcol_text(tup, desc, "insert_sql");
	p->delete_sql = getcol_text(tup, desc, "delete_sql");
	error_sql = getcol_text(tup, desc, "error_sql");
	/* pending_sql is NULL under 1.0's SQL: only 1.1's backfill uses it */
	if (p->insert_sql == NULL || p->delete_sql == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("article_tools: the pipeline functions of this database do not match the library"),
				 errhint("Update the extension: ALTER EXTENSION article_tools UPDATE.")));

	deconstruct_array(DatumGetArrayTypeP(SPI_getbinval(tup, desc, SPI_fnumber(desc, "key_columns"), &isnull)),
					  NAMEOID, NAMEDATALEN, false, TYPALIGN_CHAR, &elems, &nulls, &n);
	if (n < 1 || n > MAX_KEYS)
		elog(ERROR, "article_tools: bad key of relation %u", root);
	p->nkeys = n;
	p->key_names = palloc(n * sizeof(char *));
	p->key_attnums = palloc(n * sizeof(AttrNumber));
	for (int i = 0; i < n; i++)
	{
		p->key_names[i] = pstrdup(NameStr(*DatumGetName(elems[i])));
		p->key_attnums[i] = get_attnum(relid, p->key_names[i]);
		if (p->key_attnums[i] == InvalidAttrNumber)
			elog(ERROR, "article_tools: key column \"%s\" missing in relation %u",
				 p->key_names[i], relid);
	}
	deconstruct_array(DatumGetArrayTypeP(SPI_getbinval(tup, desc, SPI_fnumber(desc, "key_types"), &isnull)),
					  OIDOID, sizeof(Oid), true, TYPALIGN_INT, &elems, &nulls, &n);
	p->key_types = palloc(p->nkeys * sizeof(Oid));
	for (int i = 0; i < p->nkeys; i++)
		p->key_types[i] = DatumGetObjectId(elems[i]);
	deconstruct_array(DatumGetArrayTypeP(SPI_getbinval(tup, desc, SPI_fnumber(desc, "side_tables"), &isnull)),
					  OIDOID, sizeof(Oid), true, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n && i < N_SIDE; i++)
		p->side[i] = nulls[i] ? InvalidOid : DatumGetObjectId(elems[i]);
	p->raw_attnum = get_attnum(relid, raw_column);
	if (p->raw_attnum == InvalidAttrNumber)
		elog(ERROR, "article_tools: raw column \"%s\" missing in relation %u", raw_column, relid);
	{
		char	   *q = get_namespace_name(get_rel_namespace(root));

		p->relname = psprintf("%s.%s", quote_identifier(q), quote_identifier(get_rel_name(root)));
	}
	MemoryContextSwitchTo(old);

	memcpy(argtypes, p->key_types, p->nkeys * sizeof(Oid));
	p->delete_plan = prepare_kept(p->delete_sql, p->nkeys, argtypes);
	argtypes[p->nkeys] = get_atttype(root, get_attnum(root, raw_column));
	p->insert_plan = prepare_kept(p->insert_sql, p->nkeys + 1, argtypes);
	argtypes[p->nkeys] = TEXTOID;
	argtypes[p->nkeys + 1] = TEXTOID;
	argtypes[p->nkeys + 2] = TEXTOID;
	p->error_plan = prepare_kept(error_sql, p->nkeys + 3, argtypes);
	return p;
}

/* The pipeline of a relation, built on first use or after invalidation. */
static Pipeline *
pipeline_get(Oid relid)
{
	CacheEntry *e;
	bool		found;

	if (cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(CacheEntry);
		cache = hash_create("article_tools pipelines", 16, &ctl, HASH_ELEM | HASH_BLOBS);
		CacheRegisterRelcacheCallback(invalidate_cb, (Datum) 0);
	}
	e = hash_search(cache, &relid, HASH_ENTER, &found);
	if (!found)
	{
		e->pipeline = NULL;
		e->valid = false;
	}
	if (!e->valid || e->pipeline == NULL)
	{
		Pipeline   *old = e->pipeline;
		Pipeline   *p;

		/* an invalidation arriving while we build marks it stale again */
		e->pipeline = NULL;
		e->valid = true;
		pipeline_retire(old);
		p = pipeline_build(relid);
		/* the hash may not move entries, but look it up again to be safe */
		e = hash_search(cache, &relid, HASH_FIND, NULL);
		if (e == NULL)
			elog(ERROR, "article_tools: pipeline cache entry vanished");
		e->pipeline = p;
	}
	return e->pipeline;
}

/* pipeline_get as another user: the trigger reads the catalogs as the owner */
static Pipeline *
pipeline_get_as(Oid relid, Oid userid)
{
	Oid			save_userid;
	int			save_sec;
	Pipeline   *p;

	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(userid, save_sec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);
	p = pipeline_get(relid);
	SetUserIdAndSecContext(save_userid, save_sec);
	return p;
}

/* "(k1, k2)=(v1, v2)", as PostgreSQL describes keys */
static char *
describe_key(Pipeline *p, Datum *keys)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	for (int i = 0; i < p->nkeys; i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "", p->key_names[i]);
	appendStringInfoString(&buf, ")=(");
	for (int i = 0; i < p->nkeys; i++)
	{
		Oid			out;
		bool		varlena;

		getTypeOutputInfo(p->key_types[i], &out, &varlena);
		appendStringInfo(&buf, "%s%s", i ? ", " : "", OidOutputFunctionCall(out, keys[i]));
	}
	appendStringInfoChar(&buf, ')');
	return buf.data;
}

static void
exec_plan(SPIPlanPtr plan, Datum *args, const char *nulls, int expected)
{
	int			rc = SPI_execute_plan(plan, args, nulls, false, 0);

	if (rc != expected)
		elog(ERROR, "article_tools: pipeline statement failed: %s", SPI_result_code_string(rc));
}

static void
delete_side_rows(Pipeline *p, Datum *keys)
{
	exec_plan(p->delete_plan, keys, NULL, SPI_OK_DELETE);
}

static bool
same_keys(Pipeline *p, Datum *a, Datum *b)
{
	for (int i = 0; i < p->nkeys; i++)
	{
		int16		len;
		bool		byval;

		get_typlenbyval(p->key_types[i], &len, &byval);
		if (!datumIsEqual(a[i], b[i], byval, len))
			return false;
	}
	return true;
}

/* The work itself: delete the old side rows, insert the new ones. */
static void
process_row(Pipeline *p, RowWork *w, StepContext *sc)
{
	if (w->has_old)
	{
		sc->step = STEP_DELETE;
		delete_side_rows(p, w->old_keys);
		if (w->insert && !same_keys(p, w->keys, w->old_keys))
			delete_side_rows(p, w->keys);	/* rows a key cascade moved */
	}
	if (w->insert)
	{
		Datum		args[MAX_KEYS + 1];
		char		nulls[MAX_KEYS + 2];

		memcpy(args, w->keys, p->nkeys * sizeof(Datum));
		memset(nulls, ' ', p->nkeys + 1);
		nulls[p->nkeys + 1] = '\0';
		args[p->nkeys] = w->raw;
		if (w->raw_null)
			nulls[p->nkeys] = 'n';
		sc->step = STEP_INSERT;
		exec_plan(p->insert_plan, args, nulls, SPI_OK_SELECT);
	}
}

static void
step_context_cb(void *arg)
{
	StepContext *sc = (StepContext *) arg;

	if (sc->step)
		errcontext("article_tools pipeline for table %s, row %s: %s",
				   sc->p->relname, sc->w->keydesc, sc->step);
}

/*
 * Drops the line 'SQL statement "<sql>"' that SPI adds for one of our own
 * generated statements: it is long, internal, and the line ours adds says
 * the same for a user.
 */
static void
drop_statement_line(ErrorData *ed, const char *sql)
{
	char	   *line,
			   *at;
	size_t		len;

	if (ed->context == NULL || sql == NULL)
		return;
	line = psprintf("SQL statement \"%s\"", sql);
	len = strlen(line);
	for (at = strstr(ed->context, line); at; at = strstr(at + 1, line))
	{
		bool		starts = (at == ed->context || at[-1] == '\n');
		bool		ends = (at[len] == '\0' || at[len] == '\n');

		if (starts && ends)
		{
			/* remove the line and one of the newlines around it */
			if (at[len] == '\n')
				memmove(at, at + len + 1, strlen(at + len + 1) + 1);
			else if (at != ed->context)
				at[-1] = '\0';
			else
				at[0] = '\0';
			break;
		}
	}
	pfree(line);
}

static bool
never_swallow(ErrorData *ed)
{
	return ed->elevel > ERROR ||
		ed->sqlerrcode == ERRCODE_QUERY_CANCELED ||
		ed->sqlerrcode == ERRCODE_ADMIN_SHUTDOWN;
}

/*
 * on_error = error: the statement fails with the processing functions' own
 * error; the CONTEXT line (step_context_cb) names the table, row and step,
 * and a hint without one of its own says how to keep such rows.
 */
static void
process_or_fail(Pipeline *p, RowWork *w, StepContext *sc)
{
	MemoryContext cxt = CurrentMemoryContext;

	PG_TRY();
	{
		process_row(p, w, sc);
	}
	PG_CATCH();
	{
		ErrorData  *ed;

		MemoryContextSwitchTo(cxt);
		ed = CopyErrorData();
		if (never_swallow(ed))
			PG_RE_THROW();
		FlushErrorState();
		drop_statement_line(ed, p->insert_sql);
		drop_statement_line(ed, p->delete_sql);
		if (ed->hint == NULL)
			ed->hint = psprintf("To store such rows and record the error in %s instead, attach the table with options '{\"on_error\": \"skip\"}'.",
								p->errors_table);
		ReThrowError(ed);
	}
	PG_END_TRY();
}

/* on_error = skip: a subtransaction; a failure leaves no side rows and one error row */
static void
process_or_record(Pipeline *p, RowWork *w, StepContext *sc)
{
	MemoryContext cxt = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	ErrorData  *volatile ed = NULL;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		process_row(p, w, sc);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		ed = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
	}
	PG_END_TRY();

	if (ed == NULL)
		return;
	if (never_swallow(ed))
		ReThrowError(ed);
	{
		Datum		args[MAX_KEYS + 3];
		int			k = p->nkeys;

		/* the old side rows describe text that is gone */
		sc->step = STEP_RECORD;
		if (w->has_old)
			delete_side_rows(p, w->old_keys);
		if (w->insert && (!w->has_old || !same_keys(p, w->keys, w->old_keys)))
			delete_side_rows(p, w->keys);
		if (w->insert)
		{
			char		nulls[MAX_KEYS + 4];

			memcpy(args, w->keys, k * sizeof(Datum));
			memset(nulls, ' ', k + 3);
			nulls[k + 3] = '\0';
			args[k] = CStringGetTextDatum(unpack_sql_state(ed->sqlerrcode));
			args[k + 1] = CStringGetTextDatum(ed->message ? ed->message : "");
			if (ed->detail)
				args[k + 2] = CStringGetTextDatum(ed->detail);
			else
				nulls[k + 2] = 'n';
			exec_plan(p->error_plan, args, nulls, SPI_OK_INSERT);
		}
		/* a warning's CONTEXT is not shown by default: the message names the row */
		sc->step = NULL;
		ereport(WARNING,
				(errcode(ed->sqlerrcode),
				 errmsg("article_tools skipped the row %s of table %s",
						w->keydesc, p->relname),
				 errdetail_internal("%s", ed->message),
				 errhint("The row is stored without side rows; the error is recorded in %s.",
						 p->errors_table)));
	}
}

/* Runs one row as the owner of the table, in the table's error mode. */
static void
process_guarded(Pipeline *p, RowWork *w)
{
	Oid			save_userid;
	int			save_sec;
	StepContext sc = {p, w, NULL};
	ErrorContextCallback errcb;

	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(p->owner, save_sec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);
	errcb.callback = step_context_cb;
	errcb.arg = &sc;
	errcb.previous = error_context_stack;
	error_context_stack = &errcb;
	p->busy++;
	PG_TRY();
	{
		if (p->skip)
			process_or_record(p, w, &sc);
		else
			process_or_fail(p, w, &sc);
	}
	PG_FINALLY();
	{
		p->busy--;
		SetUserIdAndSecContext(save_userid, save_sec);
	}
	PG_END_TRY();
	/* PG_END_TRY restored the stack as it was at PG_TRY, with errcb on it */
	error_context_stack = errcb.previous;
}

static void
tuple_keys(Pipeline *p, HeapTuple tup, TupleDesc desc, Datum *keys)
{
	for (int i = 0; i < p->nkeys; i++)
	{
		bool		isnull;

		keys[i] = heap_getattr(tup, p->key_attnums[i], desc, &isnull);
		if (isnull)
			elog(ERROR, "article_tools: NULL in key column \"%s\"", p->key_names[i]);
	}
}

Datum
at_process_article(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	TupleDesc	desc;
	Pipeline   *p;
	RowWork		w;
	HeapTuple	tup;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("article_tools.process_article() must be called as a trigger"),
				 errhint("article_tools.attach(table, raw_column) installs it.")));
	td = (TriggerData *) fcinfo->context;
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("article_tools.process_article() must be fired AFTER INSERT, UPDATE or DELETE FOR EACH ROW"),
				 errhint("article_tools.attach(table, raw_column) installs it.")));
	at_pg_require_utf8();

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "article_tools: SPI_connect failed");
	p = pipeline_get_as(RelationGetRelid(td->tg_relation), td->tg_relation->rd_rel->relowner);
	desc = RelationGetDescr(td->tg_relation);
	memset(&w, 0, sizeof(w));

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
	{
		tuple_keys(p, td->tg_trigtuple, desc, w.old_keys);
		w.has_old = true;
		tup = td->tg_trigtuple;
	}
	else
	{
		tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
		tuple_keys(p, tup, desc, w.keys);
		if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		{
			tuple_keys(p, td->tg_trigtuple, desc, w.old_keys);
			w.has_old = true;
		}
		w.insert = true;
		w.raw = heap_getattr(tup, p->raw_attnum, desc, &w.raw_null);
	}
	w.keydesc = describe_key(p, w.insert ? w.keys : w.old_keys);
	process_guarded(p, &w);

	SPI_finish();
	return PointerGetDatum(tup);
}

/*
 * The pipeline of an attached table for a caller that will write its side
 * tables as their owner: only for members of the owner's role.  The caller
 * is connected to SPI.
 */
static Pipeline *
pipeline_for_owner(Oid relid)
{
	Pipeline   *p = pipeline_get(relid);

	if (!has_privs_of_role(GetUserId(), p->owner))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("must be owner of table %s", p->relname)));
	return p;
}

/* process_scan, with the pipeline marked busy for the cache */
static int64
process_scan_busy(Pipeline *p, SPIPlanPtr scan, Datum *args, int32 batch, int64 total,
				  ItemPointer last)
{
	int64		done = 0;

	p->busy++;
	PG_TRY();
	{
		done = process_scan(p, scan, args, batch, total, last);
	}
	PG_FINALLY();
	{
		p->busy--;
	}
	PG_END_TRY();
	return done;
}

static int64
count_rows(Pipeline *p, const char *sql, int nargs, Oid *argtypes, Datum *args)
{
	char	   *count_sql = psprintf("SELECT pg_catalog.count(*) FROM (%s) s", sql);
	bool		isnull;
	int64		n;

	if (SPI_execute_with_args(count_sql, nargs, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "article_tools: could not count the rows of %s", p->relname);
	n = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return n;
}

/*
 * article_tools._process_existing(tbl, batch_size): every row of an attached
 * table, read through a cursor batch_size rows at a time; a NOTICE after
 * each batch when there is more than one.  The side tables must be empty.
 */
Datum
at_process_existing(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	int32		batch = PG_GETARG_INT32(1);
	Pipeline   *p;
	SPIPlanPtr	scan;
	int64		total,
				done;

	at_pg_require_utf8();
	if (batch < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("batch_size must be at least 1")));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "article_tools: SPI_connect failed");
	p = pipeline_for_owner(relid);
	total = count_rows(p, p->scan_sql, 0, NULL, NULL);
	scan = SPI_prepare(p->scan_sql, 0, NULL);
	if (scan == NULL)
		elog(ERROR, "article_tools: could not prepare \"%s\"", p->scan_sql);
	done = process_scan_busy(p, scan, NULL, batch, total, NULL);
	SPI_finish();
	PG_RETURN_INT64(done);
}

/* pending_sql, which a pipeline cached before ALTER EXTENSION UPDATE lacks */
static const char *
pending_sql(Pipeline *p)
{
	if (p->pending_sql == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("article_tools: this session read the pipeline of %s before the extension was updated",
						p->relname),
				 errhint("Reconnect, then run the backfill again.")));
	return p->pending_sql;
}

/* part, parts, a limit and a row position as the parameters of pending_sql */
static void
pending_args(FunctionCallInfo fcinfo, Datum *args, Oid *argtypes, int64 limit,
			 Datum after)
{
	int32		part = PG_GETARG_INT32(1);
	int32		parts = PG_GETARG_INT32(2);

	if (parts < 1 || part < 0 || part >= parts)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("part must be from 0 to parts - 1 (part %d, parts %d)", part, parts)));
	args[0] = Int64GetDatum(parts);
	args[1] = Int64GetDatum(part);
	args[2] = Int64GetDatum(limit);
	args[3] = after;
	argtypes[0] = argtypes[1] = argtypes[2] = INT8OID;
	argtypes[3] = TIDOID;
}

/* the tid (0,0), before every row */
static Datum
first_tid(void)
{
	ItemPointer tid = palloc(sizeof(ItemPointerData));

	ItemPointerSet(tid, 0, 0);
	return PointerGetDatum(tid);
}

/*
 * article_tools._process_pending(tbl, part, parts, max_rows, after,
 * OUT processed, OUT last): up to max_rows rows of slice part (of parts)
 * with neither a parsed row nor an error row, among those stored after the
 * row position "after"; "last" is the highest position processed, where
 * the next call starts.  So each batch reads on from the last instead of
 * from the start of the table (a partitioned table, where positions repeat
 * across partitions, reads from the start).  Several sessions, each with
 * its own part, process a table at once.
 */
Datum
at_process_pending(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	int32		max_rows = PG_GETARG_INT32(3);
	Datum		args[4];
	Oid			argtypes[4];
	Pipeline   *p;
	SPIPlanPtr	scan;
	int64		done;
	ItemPointer last = palloc(sizeof(ItemPointerData));
	TupleDesc	desc;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	at_pg_require_utf8();
	if (max_rows < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("max_rows must be at least 1")));
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 2)
		elog(ERROR, "article_tools._process_pending: wrong result type");
	pending_args(fcinfo, args, argtypes, max_rows, PG_GETARG_DATUM(4));
	ItemPointerCopy((ItemPointer) DatumGetPointer(PG_GETARG_DATUM(4)), last);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "article_tools: SPI_connect failed");
	p = pipeline_for_owner(relid);
	scan = SPI_prepare(pending_sql(p), 4, argtypes);
	if (scan == NULL)
		elog(ERROR, "article_tools: could not prepare \"%s\"", p->pending_sql);
	done = process_scan_busy(p, scan, args, Min(max_rows, 10000), -1, last);
	SPI_finish();
	values[0] = Int64GetDatum(done);
	values[1] = PointerGetDatum(last);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/* article_tools._count_pending(tbl, part, parts): rows of the slice to do */
Datum
at_count_pending(PG_FUNCTION_ARGS)
{
	Datum		args[4];
	Oid			argtypes[4];
	Pipeline   *p;
	int64		n;

	pending_args(fcinfo, args, argtypes, PG_INT64_MAX, first_tid());
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "article_tools: SPI_connect failed");
	p = pipeline_for_owner(PG_GETARG_OID(0));
	n = count_rows(p, pending_sql(p), 4, argtypes, args);
	SPI_finish();
	PG_RETURN_INT64(n);
}

/* "12 rows/s; about 30 s left", for the NOTICE after a batch */
static char *
describe_rate(TimestampTz started, int64 done, int64 total)
{
	double		secs = (double) (GetCurrentTimestamp() - started) / USECS_PER_SEC;
	double		rate = done / Max(secs, 0.001);

	return psprintf("%.0f rows/s; about %.0f s left", rate,
					Max(total - done, 0) / Max(rate, 0.001));
}

/*
 * Processes the rows a scan returns (keys, the raw text, and with "last"
 * the row position, whose highest is kept there), fetched batch rows at a
 * time.  With total >= 0, a NOTICE after each batch when
 * there is more than one: rows done of the total, and (in its DETAIL, which
 * varies from run to run) the rate.
 */
static int64
process_scan(Pipeline *p, SPIPlanPtr scan, Datum *args, int32 batch, int64 total,
			 ItemPointer last)
{
	Portal		portal;
	int64		done = 0;
	bool		isnull;
	MemoryContext rowcxt;
	TimestampTz started = GetCurrentTimestamp();

	portal = SPI_cursor_open(NULL, scan, args, NULL, false);
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "article_tools row",
								   ALLOCSET_DEFAULT_SIZES);
	for (;;)
	{
		SPITupleTable *tt;
		uint64		n;

		SPI_cursor_fetch(portal, true, batch);
		tt = SPI_tuptable;
		n = SPI_processed;
		if (n == 0)
			break;
		for (uint64 i = 0; i < n; i++)
		{
			MemoryContext old = MemoryContextSwitchTo(rowcxt);
			RowWork		w;

			memset(&w, 0, sizeof(w));
			for (int k = 0; k < p->nkeys; k++)
				w.keys[k] = SPI_getbinval(tt->vals[i], tt->tupdesc, k + 1, &isnull);
			w.raw = SPI_getbinval(tt->vals[i], tt->tupdesc, p->nkeys + 1, &w.raw_null);
			if (last)
			{
				Datum		tid = SPI_getbinval(tt->vals[i], tt->tupdesc, p->nkeys + 2, &isnull);

				if (!isnull && ItemPointerCompare((ItemPointer) DatumGetPointer(tid), last) > 0)
					ItemPointerCopy((ItemPointer) DatumGetPointer(tid), last);
			}
			w.insert = true;
			w.keydesc = describe_key(p, w.keys);
			process_guarded(p, &w);
			MemoryContextSwitchTo(old);
			MemoryContextReset(rowcxt);
			CHECK_FOR_INTERRUPTS();
		}
		SPI_freetuptable(tt);
		done += n;
		if (total > batch)
			ereport(NOTICE,
					(errmsg("article_tools: processed %lld of %lld rows of %s",
							(long long) done, (long long) total, p->relname),
					 errdetail_internal("%s", describe_rate(started, done, total))));
	}
	SPI_cursor_close(portal);
	MemoryContextDelete(rowcxt);
	return done;
}
