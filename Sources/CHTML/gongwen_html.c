#include "gongwen_html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

void *gw_html_parse(const char *utf8, int32_t length) {
    xmlInitParser();
    // XML_PARSE_HUGE lifts the 256-level depth limit past which libxml2 stops reading a page; nothing
    // here or in Gongwen walks the tree recursively.
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    return htmlReadMemory(utf8, length, NULL, "UTF-8", options);
}

void gw_html_free(void *document) {
    if (document != NULL) xmlFreeDoc((xmlDocPtr)document);
}

void *gw_html_root(void *document) {
    return document == NULL ? NULL : xmlDocGetRootElement((xmlDocPtr)document);
}

void *gw_node_first_child(void *node) { return ((xmlNodePtr)node)->children; }

void *gw_node_next(void *node) { return ((xmlNodePtr)node)->next; }

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
