/* The libcsv ceiling on this machine: libcsv alone, with the options flrisk uses
 * (CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) and callbacks that only count, over a file
 * held in memory, on 1 or more threads (the file cut at line ends into equal parts; meant
 * for generated files, whose quoted fields hold no line ends). Anything flrisk does per field
 * comes on top of this. Prints one JSON line like ingest-bench.
 *
 * Build: cc -O2 -o libcsv-ceiling libcsv_ceiling.c -lcsv -lpthread
 * Usage: libcsv-ceiling FILE THREADS REPEATS
 */
#include <csv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ceiling.h"

// Each part on cache lines of its own: the counters of two threads on one line (false sharing)
// held 2 threads to the speed of 1.
struct part { const char *bytes; size_t size; long fields, records; } __attribute__((aligned(128)));

static void on_field(void *data, size_t length, void *context) { (void)data; (void)length; ((struct part *)context)->fields++; }
static void on_record(int terminator, void *context) { (void)terminator; ((struct part *)context)->records++; }

static void *parse(void *argument) {
    struct part *part = argument;
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) exit(2);
    const size_t chunk = 1 << 20;
    for (size_t offset = 0; offset < part->size; offset += chunk) {
        size_t n = part->size - offset < chunk ? part->size - offset : chunk;
        if (csv_parse(&parser, part->bytes + offset, n, on_field, on_record, part) != n) exit(3);
    }
    csv_fini(&parser, on_field, on_record, part);
    csv_free(&parser);
    return NULL;
}

int main(int argc, char **argv) {
    char *bytes;
    size_t size;
    int threads, repeats;
    load(argc, argv, "libcsv-ceiling", &bytes, &size, &threads, &repeats);
    for (int r = 0; r < repeats; r++) {
        struct part parts[64];
        pthread_t ids[64];
        size_t start = 0;
        for (int k = 0; k < threads; k++) {
            size_t end = k + 1 == threads ? size : size / threads * (k + 1);
            if (end < start) end = start;
            while (end < size && bytes[end - 1] != '\n') end++;
            parts[k] = (struct part){bytes + start, end - start, 0, 0};
            start = end;
        }
        double began = now();
        for (int k = 0; k < threads; k++) pthread_create(&ids[k], NULL, parse, &parts[k]);
        long records = 0;
        for (int k = 0; k < threads; k++) { pthread_join(ids[k], NULL); records += parts[k].records; }
        double seconds = now() - began;
        printf("{\"impl\": \"libcsv-alone-%dt\", \"bytes\": %zu, \"records\": %ld, \"seconds\": %.6f, \"mb_per_s\": %.3f}\n",
               threads, size, records, seconds, size / seconds / 1e6);
    }
    free(bytes);
    return 0;
}
