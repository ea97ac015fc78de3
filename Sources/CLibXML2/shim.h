#ifndef NEWSCLEANER_CLIBXML2_SHIM_H
#define NEWSCLEANER_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

/// Swift 6 cannot read libxml2's mutable global function pointers (such as `xmlFree`)
/// without concurrency diagnostics; these inline wrappers are the only way the Swift side
/// reaches them.
static inline void newscleaner_xmlFree(void *pointer) { xmlFree(pointer); }

/// Silences libxml2's generic error handler for the calling thread.
static inline void newscleaner_silenceErrors(void) {
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetStructuredErrorFunc(NULL, NULL);
}
#endif
