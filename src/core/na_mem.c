/*
 * na_mem.c - the stdlib allocator and the growable array of the core.
 */
#include "na_mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *
stdlib_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size ? size : 1);
}

static void *
stdlib_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	return realloc(ptr, size ? size : 1);
}

static void
stdlib_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const na_mem stdlib_mem = {
	stdlib_alloc, stdlib_realloc, stdlib_free, NULL, NULL
};

const na_mem *
na_mem_stdlib(void)
{
	return &stdlib_mem;
}

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

void
na_vec_init(na_vec *vec, size_t item_size)
{
	vec->items = NULL;
	vec->count = 0;
	vec->capacity = 0;
	vec->item_size = item_size;
}

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

void *
na_vec_push(na_vec *vec, const na_mem *mem)
{
	void	   *slot;

	if (vec->count == vec->capacity &&
		!na_vec_reserve(vec, mem, vec->capacity ? vec->capacity * 2 : 64))
		return NULL;
	slot = (char *) vec->items + vec->count * vec->item_size;
	vec->count++;
	memset(slot, 0, vec->item_size);
	return slot;
}

void
na_vec_free(na_vec *vec, const na_mem *mem)
{
	na_free(mem, vec->items);
	na_vec_init(vec, vec->item_size);
}
