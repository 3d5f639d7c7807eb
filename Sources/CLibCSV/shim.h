// libcsv (Debian: libcsv-dev) ships no pkg-config file; the header lives in /usr/include.
#include <csv.h>
