/* The libxml2 ceiling on this machine: libxml2's SAX2 parser alone, with the options flrisk
 * uses (XML_PARSE_NONET | XML_PARSE_NOCDATA, an I/O context reading the file in memory in
 * 1 MiB chunks, as flrisk's XMLStream does) and callbacks that only count elements and text
 * bytes, on 1 or more threads. Each thread parses its own whole copy of the feed, so MB/s
 * counts every thread's bytes: no reader built on libxml2 can pass it here, however it cuts
 * the file. Anything flrisk does per element comes on top of this. Prints one JSON line per
 * repeat, like ingest-bench.
 *
 * Build: cc -O2 -o libxml2-ceiling libxml2_ceiling.c $(pkg-config --cflags --libs libxml-2.0) -lpthread
 * Usage: libxml2-ceiling FILE THREADS REPEATS
 */
#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ceiling.h"

// Each run's counters on cache lines of their own (false sharing held two threads of the
// libcsv ceiling to the speed of one).
struct run { const char *bytes; size_t size, offset; long elements, text; int failed; } __attribute__((aligned(128)));

static void on_start(void *context, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int namespaces,
                     const xmlChar **declared, int attributes, int defaulted, const xmlChar **values) {
    (void)local; (void)prefix; (void)uri; (void)namespaces; (void)declared; (void)attributes; (void)defaulted; (void)values;
    ((struct run *)((xmlParserCtxtPtr)context)->_private)->elements++;
}

static void on_end(void *context, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    (void)context; (void)local; (void)prefix; (void)uri;
}

static void on_text(void *context, const xmlChar *bytes, int length) {
    (void)bytes;
    ((struct run *)((xmlParserCtxtPtr)context)->_private)->text += length;
}

static int on_read(void *context, char *buffer, int length) {
    struct run *run = context;
    size_t n = run->size - run->offset;
    if (n > (size_t)length) n = (size_t)length;
    if (n > 1 << 20) n = 1 << 20;
    memcpy(buffer, run->bytes + run->offset, n);
    run->offset += n;
    return (int)n;
}

static void *parse(void *argument) {
    struct run *run = argument;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    xmlParserCtxtPtr context = xmlCreateIOParserCtxt(&sax, NULL, on_read, NULL, run, XML_CHAR_ENCODING_NONE);
    if (!context) exit(2);
    context->_private = run;
    xmlCtxtUseOptions(context, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    run->failed = xmlParseDocument(context) != 0 || !context->wellFormed;
    xmlFreeParserCtxt(context);
    return NULL;
}

int main(int argc, char **argv) {
    char *bytes;
    size_t size;
    int threads, repeats;
    load(argc, argv, "libxml2-ceiling", &bytes, &size, &threads, &repeats);
    xmlInitParser();
    for (int r = 0; r < repeats; r++) {
        struct run runs[64];
        pthread_t ids[64];
        for (int k = 0; k < threads; k++) runs[k] = (struct run){bytes, size, 0, 0, 0, 0};
        double began = now();
        for (int k = 0; k < threads; k++) pthread_create(&ids[k], NULL, parse, &runs[k]);
        long elements = 0;
        for (int k = 0; k < threads; k++) {
            pthread_join(ids[k], NULL);
            if (runs[k].failed) { fprintf(stderr, "libxml2-ceiling: %s is not well-formed\n", argv[1]); return 3; }
            elements += runs[k].elements;
        }
        double seconds = now() - began;
        printf("{\"impl\": \"libxml2-alone-%dt\", \"bytes\": %zu, \"records\": %ld, \"seconds\": %.6f, \"mb_per_s\": %.3f}\n",
               threads, size * threads, elements, seconds, size * threads / seconds / 1e6);
    }
    xmlCleanupParser();
    free(bytes);
    return 0;
}
