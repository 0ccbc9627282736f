#include "gongwen_html.h"
#include "gongwen_scan.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

void *gw_html_parse(const char *utf8, int32_t length) {
    xmlInitParser();
    // XML_PARSE_HUGE lifts the 256-level depth limit past which libxml2 stops reading a page; nothing
    // here or in Gongwen walks the tree recursively.
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    return htmlReadMemory(utf8, length, NULL, "UTF-8", options);
}

void gw_html_free(void *document, int return_memory) {
    if (document != NULL) xmlFreeDoc((xmlDocPtr)document);
#ifdef __GLIBC__
    if (return_memory) malloc_trim(0);
#else
    (void)return_memory;
#endif
}

void *gw_html_root(void *document) {
    return document == NULL ? NULL : xmlDocGetRootElement((xmlDocPtr)document);
}

void *gw_node_last_child(void *node) { return ((xmlNodePtr)node)->last; }

void *gw_node_previous(void *node) { return ((xmlNodePtr)node)->prev; }

int64_t gw_node_subtree_count(void *node, int64_t *text_scalars) {
    // Iterative (a page may nest deeper than a C stack allows): down to the first child, else on to the
    // next sibling, else back up to the first ancestor with one.
    int64_t count = 0;
    int64_t scalars = 0;
    xmlNodePtr root = (xmlNodePtr)node;
    xmlNodePtr n = root;
    while (n != NULL) {
        if (n->type == XML_ELEMENT_NODE) count++;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            count++;
            // (Its length first, then its lead bytes sixteen at a time: a byte at a time to the terminating zero,
            // this count took 1.3% of reading a page.)
            if (n->content != NULL) scalars += gw_utf8_lead_count(n->content, strlen((const char *)n->content));
        }
        if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n != root && n->next == NULL) n = n->parent;
        if (n == root) break;
        n = n->next;
    }
    if (text_scalars != NULL) *text_scalars = scalars;
    return count;
}

GWNodeKind gw_node_kind(void *node) {
    switch (((xmlNodePtr)node)->type) {
    case XML_ELEMENT_NODE: return GWNodeKindElement;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: return GWNodeKindText;
    default: return GWNodeKindOther;
    }
}

const char *gw_node_name(void *node) {
    xmlNodePtr n = (xmlNodePtr)node;
    return n->type == XML_ELEMENT_NODE && n->name != NULL ? (const char *)n->name : NULL;
}

const char *gw_node_text(void *node) {
    xmlNodePtr n = (xmlNodePtr)node;
    return (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) ? (const char *)n->content : NULL;
}

char *gw_node_attribute(void *node, const char *name) {
    xmlNodePtr n = (xmlNodePtr)node;
    if (n->type != XML_ELEMENT_NODE) return NULL;
    xmlChar *value = xmlGetProp(n, (const xmlChar *)name);
    if (value == NULL) return NULL;
    char *copy = strdup((const char *)value);
    xmlFree(value);
    return copy;
}

void gw_html_release(void *memory) { free(memory); }

int64_t gw_node_line(void *node) { return (int64_t)xmlGetLineNo((xmlNodePtr)node); }
