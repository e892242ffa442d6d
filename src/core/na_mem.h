/*
 * na_mem.h - the allocation and interruption interface of the pure C core.
 *
 * The core never calls malloc directly: the caller hands it an na_mem.  Unit
 * tests and fuzzers use na_mem_stdlib(); the PostgreSQL binding fills it with
 * palloc in a per-document memory context, so an error or cancellation that
 * longjmps out of the core leaks nothing.
 */
#ifndef NA_MEM_H
#define NA_MEM_H

#include <stddef.h>
#include <string.h>

typedef struct na_mem
{
	/* returns NULL on failure (the stdlib allocator) or does not return (palloc) */
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*realloc) (void *ctx, void *ptr, size_t size);
	void		(*free) (void *ctx, void *ptr);
	/* called every few thousand units of work; may longjmp (CHECK_FOR_INTERRUPTS) */
	void		(*check_interrupts) (void *ctx);
	void	   *ctx;
} na_mem;

/* malloc/realloc/free, no interrupt checks */
const na_mem *na_mem_stdlib(void);

static inline void *
na_alloc(const na_mem *mem, size_t size)
{
	return mem->alloc(mem->ctx, size);
}

static inline void *
na_realloc(const na_mem *mem, void *ptr, size_t size)
{
	return mem->realloc(mem->ctx, ptr, size);
}

static inline void
na_free(const na_mem *mem, void *ptr)
{
	if (ptr)
		mem->free(mem->ctx, ptr);
}

static inline void
na_check_interrupts(const na_mem *mem)
{
	if (mem->check_interrupts)
		mem->check_interrupts(mem->ctx);
}

/* Results of core entry points. */
typedef enum na_status
{
	NA_OK = 0,
	NA_ERR_NOMEM,				/* an allocation failed */
	NA_ERR_TOO_LONG				/* the text exceeds what offsets can address */
} na_status;

const char *na_status_message(na_status status);

/*
 * A growable array of fixed-size items, allocated through na_mem.  Doubling
 * keeps appends amortised O(1); na_vec_push returns NULL when memory runs out.
 */
typedef struct na_vec
{
	void	   *items;
	size_t		count;
	size_t		capacity;
	size_t		item_size;
} na_vec;

void		na_vec_init(na_vec *vec, size_t item_size);
void	   *na_vec_push_grow(na_vec *vec, const na_mem *mem);

/* A new zeroed slot at the end (NULL when memory runs out): see na_vec_push_grow. */
static inline void *
na_vec_push(na_vec *vec, const na_mem *mem)
{
	void	   *slot;

	if (vec->count == vec->capacity)
		return na_vec_push_grow(vec, mem);
	slot = (char *) vec->items + vec->count * vec->item_size;
	vec->count++;
	memset(slot, 0, vec->item_size);
	return slot;
}
int			na_vec_reserve(na_vec *vec, const na_mem *mem, size_t capacity);
void		na_vec_free(na_vec *vec, const na_mem *mem);

/*
 * na_vec_push for a caller that sets every field of the new slot: no call
 * and no zeroing while there is room (the busiest pushes of the speakers,
 * a mention, an entity, a name key, ran a library memset of a variable
 * size each).  The slot's bytes are unset (zeroed when the array grew).
 */
static inline void *
na_vec_push_unset(na_vec *vec, const na_mem *mem)
{
	if (vec->count < vec->capacity)
		return (char *) vec->items + vec->count++ * vec->item_size;
	return na_vec_push(vec, mem);
}

#endif							/* NA_MEM_H */
