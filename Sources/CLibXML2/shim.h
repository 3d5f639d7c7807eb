// libxml2 through its streaming (SAX2) interface. Debian builds libxml2 with ICU, and its
// encoding.h then includes ICU's headers, whose definitions clash with the ICU that
// Foundation bundles when both end up in one Swift module. flrisk never touches the ICU
// members of xmlCharEncodingHandler (it only holds pointers to it), so ICU is left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
