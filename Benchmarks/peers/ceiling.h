/* What the C ceilings (libcsv_ceiling.c, libxml2_ceiling.c) share: the clock, the command
 * line (FILE THREADS REPEATS) and the input file read whole into memory. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Reads `FILE THREADS REPEATS` from the command line and the file into `*bytes`; exits with a
 * message on a bad argument or an unreadable file. */
static void load(int argc, char **argv, const char *name, char **bytes, size_t *size, int *threads, int *repeats) {
    if (argc != 4) { fprintf(stderr, "usage: %s FILE THREADS REPEATS\n", name); exit(1); }
    *threads = atoi(argv[2]);
    *repeats = atoi(argv[3]);
    if (*threads < 1 || *threads > 64 || *repeats < 1) exit(1);
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); exit(1); }
    fseek(file, 0, SEEK_END);
    *size = (size_t)ftell(file);
    fseek(file, 0, SEEK_SET);
    *bytes = malloc(*size ? *size : 1);
    if (!*bytes || fread(*bytes, 1, *size, file) != *size) { perror("read"); exit(1); }
    fclose(file);
}
