/*
 * arena_pg.c - the core's memory for one document of a set-returning
 * function (quotes(), speakers(), vote_events(), tokenize(), sentences())
 * or of a tracked table's derived rows (na_derived_rows): one block per
 * backend, kept from document to document.
 *
 * Why (issue #13): with palloc in a document context, every per-token
 * array of the scan and the analysis (most over 8 kB, so each its own
 * malloc) went back to malloc when the context was deleted after the
 * document, malloc gave the top of its heap back to the kernel (trim), and
 * the next document took it again with brk and a page fault on every 4 kB
 * page its arrays touched first: 2.5 to 4% of quotes()'s wall time over
 * BBC in the kernel, and every document's arrays in freshly zeroed pages,
 * cold in the caches.  The block here is the same memory for every
 * document, warm, with no call to malloc or the kernel.
 *
 * The block is handed out by a bump pointer; a free gives back only the
 * latest allocation (a vector's growth, the commonest realloc, extends in
 * place).  What does not fit goes to palloc in the document context as
 * before, and the block grows before the next document to what this one
 * needed (up to ARENA_MAX).  The block is in use from na_pg_doc_mem_init
 * until the document context is reset or goes (its reset callback), so an
 * error that deletes the context frees the block for the next call; a call
 * while it is in use (a trigger on a derived table that calls quotes(), or
 * a context never reset after an error was caught) gets plain palloc.
 * A block past ARENA_KEEP is freed when the transaction ends.
 */
#include "postgres.h"

#include "access/xact.h"

#include "na_pg.h"

/* bytes before each allocation (its size) and the alignment of all */
#define ARENA_ALIGN 16
#define ARENA_HEADER ARENA_ALIGN
/* the first block, and the most a backend keeps (a longer document's
 * excess goes to palloc, freed with the document) */
#define ARENA_MIN ((Size) 256 * 1024)
#define ARENA_MAX ((Size) 8 * 1024 * 1024)
/*
 * the most a backend keeps from one transaction to the next: a block that
 * grew past it for long documents is freed when its transaction ends, so
 * that a pool of idle connections does not hold 8 MB each (the next long
 * document allocates it again, at the size it needs at once)
 */
#define ARENA_KEEP ((Size) 1024 * 1024)

#define ARENA_ROUND(n) (((n) + (ARENA_ALIGN - 1)) & ~((Size) (ARENA_ALIGN - 1)))

typedef struct doc_arena
{
	char	   *block;			/* in TopMemoryContext; NULL before the first use */
	Size		cap;
	Size		used;			/* the next allocation's header is at block + used */
	Size		last;			/* offset of the latest allocation's header */
	Size		overflow;		/* bytes this document took from palloc */
	Size		wanted;			/* what the largest document so far took in all */
	bool		busy;
	bool		watching;		/* arena_at_xact_end registered */
	MemoryContextCallback release;
} doc_arena;

static doc_arena arena;

static inline bool
in_arena(const void *ptr)
{
	return arena.block != NULL && (const char *) ptr >= arena.block &&
		(const char *) ptr < arena.block + arena.cap;
}

static inline Size
size_of(const void *ptr)
{
	return *(const Size *) ((const char *) ptr - ARENA_HEADER);
}

/* palloc's part for the core: the next bytes of the block, or palloc in the
 * document context when the block is full. */
static void *
arena_alloc(void *ctx, size_t size)
{
	Size		need = ARENA_HEADER + ARENA_ROUND(size ? size : 1);
	char	   *p;

	/* (a size near SIZE_MAX wraps need round: palloc refuses it) */
	if (unlikely(size > arena.cap || need > arena.cap - arena.used))
	{
		p = MemoryContextAllocHuge((MemoryContext) ctx, size ? size : 1);
		arena.overflow += size;
		return p;
	}
	p = arena.block + arena.used;
	*(Size *) p = size;
	arena.last = arena.used;
	arena.used += need;
	return p + ARENA_HEADER;
}

/* repalloc's part: a vector (na_vec) grows by realloc, mostly the latest
 * allocation, which then needs no copy. */
static void *
arena_realloc(void *ctx, void *ptr, size_t size)
{
	Size		old;
	void	   *moved;

	if (!in_arena(ptr))
		return repalloc_huge(ptr, size ? size : 1);
	old = size_of(ptr);
	if (size <= old)
		return ptr;
	/* the latest allocation grows in place where the block has room */
	if ((char *) ptr - ARENA_HEADER == arena.block + arena.last && size <= arena.cap &&
		ARENA_HEADER + ARENA_ROUND(size) <= arena.cap - arena.last)
	{
		*(Size *) ((char *) ptr - ARENA_HEADER) = size;
		arena.used = arena.last + ARENA_HEADER + ARENA_ROUND(size);
		return ptr;
	}
	moved = arena_alloc(ctx, size);
	memcpy(moved, ptr, old);
	return moved;
}

/* pfree's part: the core frees its scratch arrays as it goes; the block's
 * bytes come back all at once at the document's end. */
static void
arena_free(void *ctx, void *ptr)
{
	(void) ctx;
	if (!in_arena(ptr))
	{
		pfree(ptr);
		return;
	}
	/* only the latest allocation's bytes can be taken again */
	if ((char *) ptr - ARENA_HEADER == arena.block + arena.last)
		arena.used = arena.last;
}

/* The document context went (the function's end, or an error): the block is free. */
static void
arena_release(void *arg)
{
	Size		took = arena.used + arena.overflow;

	(void) arg;
	if (took > arena.wanted)
		arena.wanted = took;
	arena.busy = false;
}

/* A block as large as the largest document so far took, or none (no memory). */
static void
arena_fit(void)
{
	Size		cap = Max(ARENA_MIN, Min(ARENA_ROUND(arena.wanted + arena.wanted / 4), ARENA_MAX));
	char	   *block;

	if (arena.block != NULL && cap <= arena.cap)
		return;
	block = MemoryContextAllocExtended(TopMemoryContext, cap, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
	if (block == NULL)
		return;
	if (arena.block != NULL)
		pfree(arena.block);
	/* ARENA_ALIGN: TopMemoryContext's chunks are MAXALIGNed, 8 bytes; the
	 * first allocation's header takes what the block's start lacks */
	arena.block = block;
	arena.cap = cap;
}

/* At a transaction's end: a block larger than ARENA_KEEP goes (see there). */
static void
arena_at_xact_end(XactEvent event, void *arg)
{
	(void) arg;
	if (event != XACT_EVENT_COMMIT && event != XACT_EVENT_ABORT &&
		event != XACT_EVENT_PARALLEL_COMMIT && event != XACT_EVENT_PARALLEL_ABORT)
		return;
	if (arena.busy || arena.block == NULL || arena.cap <= ARENA_KEEP)
		return;
	pfree(arena.block);
	arena.block = NULL;
	arena.cap = 0;
	/* the next transaction's block is at most ARENA_KEEP, and grows in it as needed */
	arena.wanted = Min(arena.wanted, ARENA_KEEP - ARENA_KEEP / 5);
}

void
na_pg_doc_mem_init(na_mem *mem, MemoryContext docctx)
{
	na_pg_mem_init(mem, docctx);
	if (arena.busy)
		return;
	if (!arena.watching)
	{
		RegisterXactCallback(arena_at_xact_end, NULL);
		arena.watching = true;
	}
	arena_fit();
	if (arena.block == NULL)
		return;
	arena.busy = true;
	arena.used = (Size) (ARENA_ROUND((uintptr_t) arena.block) - (uintptr_t) arena.block);
	arena.last = arena.used;
	arena.overflow = 0;
	arena.release.func = arena_release;
	arena.release.arg = NULL;
	MemoryContextRegisterResetCallback(docctx, &arena.release);
	mem->alloc = arena_alloc;
	mem->realloc = arena_realloc;
	mem->free = arena_free;
}
