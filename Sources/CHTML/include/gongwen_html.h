// A narrow C facade over libxml2's HTML parser (libxml2-dev). Swift must not import libxml2's own
// headers: Debian builds libxml2 with ICU, so they pull in the system ICU's types, which clash with
// the private ICU copy inside Swift's Foundation. Here every libxml2 type is an opaque pointer.
// The accessors that only read the tree are declared `pure` (see gongwen_scan.h: a caller need not copy what
// it reads in place across a call).
#ifndef GONGWEN_HTML_H
#define GONGWEN_HTML_H

#include <stdint.h>

/// What a node is, as far as Gongwen reads it (a closed enum: Swift imports it as `GWNodeKind`
/// with cases `.other`, `.element`, `.text`).
typedef enum __attribute__((enum_extensibility(closed))) GWNodeKind : int32_t {
    GWNodeKindOther = 0,
    GWNodeKindElement = 1,
    GWNodeKindText = 2,  // text or CDATA
} GWNodeKind;

/// Parses UTF-8 HTML with htmlReadMemory (recovering from errors, no network, no error output).
/// Returns the document (free it with gw_html_free), or NULL when libxml2 produced none.
void *gw_html_parse(const char *utf8, int32_t length);
/// Frees the document; `return_memory`: hands the freed memory back to the system at once (glibc's
/// malloc_trim), for a large page, so that it does not stay resident for the rest of the parse.
void gw_html_free(void *document, int return_memory);

/// The root element of a document, or NULL.
__attribute__((pure)) void *gw_html_root(void *document);

/// The last child and the previous sibling: children walked from the last, without a list of them.
__attribute__((pure)) void *gw_node_last_child(void *node);
__attribute__((pure)) void *gw_node_previous(void *node);
/// How many element and text nodes the subtree of `node` holds, itself included; and in
/// `text_scalars`, how many characters its text nodes hold (UTF-8 sequences: lead bytes counted).
int64_t gw_node_subtree_count(void *node, int64_t *text_scalars);
__attribute__((pure)) GWNodeKind gw_node_kind(void *node);
/// The element's name as libxml2 holds it (lowercase for HTML), or NULL. Owned by the document.
__attribute__((pure)) const char *gw_node_name(void *node);
/// The text of a text node (UTF-8), or NULL. Owned by the document.
__attribute__((pure)) const char *gw_node_text(void *node);
/// The value of an element's attribute (UTF-8, malloc'd: release it with gw_html_release), or NULL.
char *gw_node_attribute(void *node, const char *name);
void gw_html_release(void *memory);

/// The source line libxml2 recorded for the node (for text, the line where the text ends).
__attribute__((pure)) int64_t gw_node_line(void *node);

#endif
