/*
 * na_mem.c - the stdlib allocator and the growable array of the core.
 */
#include "na_mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * The allocator of the unit tests, tools and fuzzers, where no memory context
 * exists; a zero size still returns a pointer, as palloc does.
 */
static void *
stdlib_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size ? size : 1);
}

/* realloc behind the same contract as stdlib_alloc. */
static void *
stdlib_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	return realloc(ptr, size ? size : 1);
}

/* free behind the na_mem interface. */
static void
stdlib_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const na_mem stdlib_mem = {
	stdlib_alloc, stdlib_realloc, stdlib_free, NULL, NULL
};

/* The malloc-backed na_mem the core uses outside PostgreSQL. */
const na_mem *
na_mem_stdlib(void)
{
	return &stdlib_mem;
}

/* A status as words, for error messages of the binding and the tools. */
const char *
na_status_message(na_status status)
{
	switch (status)
	{
		case NA_OK:
			return "ok";
		case NA_ERR_NOMEM:
			return "out of memory";
		case NA_ERR_TOO_LONG:
			return "text too long";
	}
	return "unknown status";
}

/*
 * An empty array of items of one size; allocates nothing until the first push.
 */
void
na_vec_init(na_vec *vec, size_t item_size)
{
	vec->items = NULL;
	vec->count = 0;
	vec->capacity = 0;
	vec->item_size = item_size;
}

/*
 * Grows the array to at least capacity items.  Returns 0 (the array untouched)
 * when the size would overflow or memory runs out, so that callers can report
 * NA_ERR_NOMEM instead of writing past the end.
 */
int
na_vec_reserve(na_vec *vec, const na_mem *mem, size_t capacity)
{
	void	   *items;

	if (capacity <= vec->capacity)
		return 1;
	if (capacity > SIZE_MAX / vec->item_size)
		return 0;
	items = vec->items ? na_realloc(mem, vec->items, capacity * vec->item_size)
		: na_alloc(mem, capacity * vec->item_size);
	if (items == NULL)
		return 0;
	vec->items = items;
	vec->capacity = capacity;
	return 1;
}

/*
 * na_vec_push when the array is full: the capacity doubled (n pushes cost
 * O(n)), then the new zeroed slot; NULL when memory runs out.  Out of line:
 * the push itself is inline (na_mem.h): as a call, an item of every array
 * the analysers build cost 26 instructions besides zeroing it (quotes()
 * over BBC 683.1M -> 680.1M instructions when it became inline).
 */
void *
na_vec_push_grow(na_vec *vec, const na_mem *mem)
{
	void	   *slot;

	if (!na_vec_reserve(vec, mem, vec->capacity ? vec->capacity * 2 : 64))
		return NULL;
	slot = (char *) vec->items + vec->count * vec->item_size;
	vec->count++;
	memset(slot, 0, vec->item_size);
	return slot;
}

/* Frees the items and leaves an empty array that can be used again. */
void
na_vec_free(na_vec *vec, const na_mem *mem)
{
	na_free(mem, vec->items);
	na_vec_init(vec, vec->item_size);
}
