/*: # object_get_property and object_set_property, and the name

Every object has a name of up to `ZX_MAX_NAME_LEN - 1` characters; a longer one is cut, and the
stored name always ends with a zero byte. Whether a program may read or change it is up to the
handle's rights; a property nobody registered is `ZX_ERR_NOT_SUPPORTED`, as Fuchsia's reference
says. */
#include "syscall/properties.h"

#include <string.h>

#include "syscall/caller.h"
#include "syscall/sys.h"
#include "zircon/object_info.h"

#define PROPERTY_MAX_SIZE 64

static const struct property *find(uint32_t id)
{
    TABLE_FOREACH(struct property, properties, p)
    {
        if (p->id == id)
            return p;
    }
    return NULL;
}

zx_status_t sys_object_get_property(zx_handle_t handle, uint32_t property, uaddr_t value,
                                    size_t value_size)
{
    struct kobject *obj;
    zx_status_t status =
        caller_handle_get(handle, ZX_OBJ_TYPE_NONE, ZX_RIGHT_GET_PROPERTY, &obj, NULL);
    if (status != ZX_OK)
        return status;
    const struct property *p = find(property);
    uint8_t buf[PROPERTY_MAX_SIZE] = {0};
    if (!p || !p->get)
        status = ZX_ERR_NOT_SUPPORTED;
    else if (value_size < p->size)
        status = ZX_ERR_BUFFER_TOO_SMALL;
    else if ((status = p->get(obj, buf)) == ZX_OK)
        status = user_copy_out(value, buf, p->size);
    kobject_unref(obj);
    return status;
}

zx_status_t sys_object_set_property(zx_handle_t handle, uint32_t property, uaddr_t value,
                                    size_t value_size)
{
    struct kobject *obj;
    zx_rights_t rights;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_NONE, 0, &obj, &rights);
    if (status != ZX_OK)
        return status;
    const struct property *p = find(property);
    uint8_t buf[PROPERTY_MAX_SIZE];
    size_t size = value_size < PROPERTY_MAX_SIZE ? value_size : PROPERTY_MAX_SIZE;
    if (!(rights & ZX_RIGHT_SET_PROPERTY) || (p && (rights & p->set_needs) != p->set_needs))
        status = ZX_ERR_ACCESS_DENIED;
    else if (!p || !p->set)
        status = ZX_ERR_NOT_SUPPORTED;
    else if ((status = user_copy_in(buf, value, size)) == ZX_OK)
        status = p->set(obj, buf, size);
    kobject_unref(obj);
    return status;
}

static zx_status_t get_name(struct kobject *obj, void *value)
{
    kobject_get_name(obj, value);
    return ZX_OK;
}

static zx_status_t set_name(struct kobject *obj, const void *value, size_t size)
{
    kobject_set_name(obj, value, size);
    return ZX_OK;
}
PROPERTY(ZX_PROP_NAME, ZX_MAX_NAME_LEN, get_name, set_name);
