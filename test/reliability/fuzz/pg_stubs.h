/*
 * pg_stubs.h - what fuzz_tsparser controls in the server stubs.
 */
#ifndef NA_PG_STUBS_H
#define NA_PG_STUBS_H

/* the encoding GetDatabaseEncoding() reports (PG_UTF8 or PG_SQL_ASCII) */
extern int	stub_database_encoding;

#endif							/* NA_PG_STUBS_H */
