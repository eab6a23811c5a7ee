/*: # Information topics, by registration

Each topic of `object_get_info` is answered by a function registered with `INFO_TOPIC`: this chapter
registers the handle topics, chapter 3 the task topics, chapter 4 the memory topics, and none of
them edits the system call itself. A registration names the type of object the topic is about
(`ZX_OBJ_TYPE_NONE`: any) and the rights it needs, which the system call checks when it looks the
handle up, so a topic function only ever sees a handle it may answer for. It writes its records
through the helpers below, which implement Zircon's rules for `actual`, `avail` and short
buffers. */
#ifndef ZINC_INFO_H
#define ZINC_INFO_H

#include "kernel/table.h"
#include "object/kobject.h"
#include "syscall/user_copy.h"

struct info_request {
    zx_handle_t value;    /* the handle asked about */
    struct kobject *obj;  /* its object */
    zx_rights_t rights;   /* its rights */
    uaddr_t buffer;
    size_t buffer_size;
    uaddr_t actual, avail; /* optional: 0 when the caller passed NULL */
};

struct info_topic {
    uint32_t topic;
    zx_obj_type_t type; /* the handle's object must be of this type (ZX_ERR_WRONG_TYPE) */
    zx_rights_t need;   /* and the handle have these rights (ZX_ERR_ACCESS_DENIED) */
    zx_status_t (*answer)(const struct info_request *req);
};

TABLE_DECLARE(struct info_topic, info_topics);

#define INFO_TOPIC(topic_, type_, need_, fn_)                                                     \
    static const struct info_topic info_topic_##fn_ TABLE_ENTRY(info_topics) = {                  \
        topic_, type_, need_, fn_}

/* Answer with one record of size bytes: ZX_ERR_BUFFER_TOO_SMALL (actual 0, avail 1) if it does not
   fit. */
zx_status_t info_single_record(const struct info_request *req, const void *record, size_t size);

#endif
