/*
 * replay_main.c - runs fuzz inputs through a target without libFuzzer: for CI
 * replay under ASan+UBSan and for valgrind.  Arguments are files or
 * directories (every regular file inside, not recursive).  Each input is
 * copied to a buffer of exactly its size, so a read past its end is caught.
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long inputs;
static const char *current_input;

/* provided by ASan/UBSan builds, absent from the plain (valgrind) build */
extern void __sanitizer_set_death_callback(void (*callback) (void)) __attribute__((weak));

/* name the input that crashed: the sanitizers' report or abort() says only how */
static void
report_input(void)
{
	if (current_input)
		fprintf(stderr, "replay: crashed on input %s\n", current_input);
}

static void
on_abort(int sig)
{
	report_input();
	signal(sig, SIG_DFL);
	raise(sig);
}

static int
replay_file(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	uint8_t    *buf;
	long		size;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
		fseek(f, 0, SEEK_SET) != 0)
	{
		perror(path);
		if (f)
			fclose(f);
		return 1;
	}
	buf = malloc(size ? (size_t) size : 1);
	if (buf == NULL || fread(buf, 1, (size_t) size, f) != (size_t) size)
	{
		perror(path);
		fclose(f);
		free(buf);
		return 1;
	}
	fclose(f);
	current_input = path;
	LLVMFuzzerTestOneInput(buf, (size_t) size);
	current_input = NULL;
	free(buf);
	inputs++;
	return 0;
}

int
main(int argc, char **argv)
{
	int			status = 0;

	signal(SIGABRT, on_abort);
	signal(SIGSEGV, on_abort);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(report_input);
	for (int i = 1; i < argc; i++)
	{
		struct stat st;

		if (stat(argv[i], &st) != 0)
		{
			/* an absent corpus directory is simply empty */
			continue;
		}
		if (S_ISDIR(st.st_mode))
		{
			DIR		   *dir = opendir(argv[i]);
			struct dirent *e;

			if (dir == NULL)
			{
				perror(argv[i]);
				status = 1;
				continue;
			}
			while ((e = readdir(dir)) != NULL)
			{
				char		path[4096];
				struct stat est;

				if (e->d_name[0] == '.')
					continue;
				snprintf(path, sizeof(path), "%s/%s", argv[i], e->d_name);
				if (stat(path, &est) == 0 && S_ISREG(est.st_mode))
					status |= replay_file(path);
			}
			closedir(dir);
		}
		else
			status |= replay_file(argv[i]);
	}
	printf("%s: replayed %ld inputs\n", argv[0], inputs);
	return status;
}
