#ifndef NEWSCLEANER_CLIBXML2_SHIM_H
#define NEWSCLEANER_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would pull ICU's C headers into this module,
   where they clash with Foundation's private copy of ICU. Nothing here uses the ICU parts. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/// Swift 6 cannot read libxml2's mutable global function pointers (such as `xmlFree`)
/// without concurrency diagnostics; these inline wrappers are the only way the Swift side
/// reaches them.
static inline void newscleaner_xmlFree(void *pointer) { xmlFree(pointer); }

static void newscleaner_ignoreGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static void newscleaner_ignoreStructuredError(void *context, xmlErrorPtr error) {
    (void)context; (void)error;
}

/// libxml2's error handlers of one thread, as they were before a parse.
typedef struct {
    xmlGenericErrorFunc generic;
    void *genericContext;
    xmlStructuredErrorFunc structured;
    void *structuredContext;
} newscleaner_errorHandlers;

/// Silences libxml2's error reporting for the calling thread (its error handlers are
/// thread-local): a cleaner never prints parser complaints about broken pages. Returns the
/// handlers that were set, for `newscleaner_restoreErrors` after the parse, so that other
/// libxml2 users on the thread (FoundationXML, Kanna, Fuzi) never notice NewsCleaner.
static inline newscleaner_errorHandlers newscleaner_silenceErrors(void) {
    newscleaner_errorHandlers saved = {
        xmlGenericError, xmlGenericErrorContext, xmlStructuredError, xmlStructuredErrorContext
    };
    xmlSetGenericErrorFunc(NULL, newscleaner_ignoreGenericError);
    xmlSetStructuredErrorFunc(NULL, newscleaner_ignoreStructuredError);
    return saved;
}

/// Puts back the handlers `newscleaner_silenceErrors` found.
static inline void newscleaner_restoreErrors(newscleaner_errorHandlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
}

/// The structured-error callback that drops every message, for the SAX handler's `serror`.
static inline xmlStructuredErrorFunc newscleaner_structuredErrorSink(void) {
    return newscleaner_ignoreStructuredError;
}
#endif
