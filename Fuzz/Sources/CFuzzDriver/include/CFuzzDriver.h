// libFuzzer's driver entry point (compiler-rt FuzzerInterface.h). Called from each fuzz
// executable's main: SwiftPM links executables with their own `main`, so libFuzzer's is not used.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
