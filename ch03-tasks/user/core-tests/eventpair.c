/*: # EventPairTest

Two events joined together (`zx_eventpair_create`): each end signals itself with `zx_object_signal`
and the other with `zx_object_signal_peer`. Fuchsia's rules:

- both handles come with `ZX_RIGHT_TRANSFER`, `ZX_RIGHT_DUPLICATE`, `ZX_RIGHT_WAIT`,
  `ZX_RIGHT_INSPECT`, `ZX_RIGHT_SIGNAL` and `ZX_RIGHT_SIGNAL_PEER`, and each end's `related_koid` is
  the other's koid;
- options must be 0: any other value is `ZX_ERR_NOT_SUPPORTED` (where an event says
  `ZX_ERR_INVALID_ARGS`), and no handle is made;
- user code may touch the user signals and `ZX_EVENTPAIR_SIGNALED`, nothing else;
- when the last handle to one end is closed, the other end gets `ZX_EVENTPAIR_PEER_CLOSED`, and from
  then on `zx_object_signal_peer` fails with `ZX_ERR_PEER_CLOSED` (but an end can still signal
  itself);
- the relation is immutable: `related_koid` still names the closed end afterwards. */
#include "zircon/object_info.h"
#include "probe.h"
#include "zxtest.h"

#define EVENTPAIR_RIGHTS                                                                           \
    (ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_WAIT | ZX_RIGHT_INSPECT | ZX_RIGHT_SIGNAL | \
     ZX_RIGHT_SIGNAL_PEER)

TEST(EventPairTest, KoidsAreCorrect)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    EXPECT_NE(a, b);
    zx_info_handle_basic_t ia = basic(a), ib = basic(b);
    EXPECT_EQ(ia.type, ZX_OBJ_TYPE_EVENTPAIR);
    EXPECT_EQ(ib.type, ZX_OBJ_TYPE_EVENTPAIR);
    EXPECT_NE(ia.koid, ib.koid);
    EXPECT_EQ(ia.related_koid, ib.koid);
    EXPECT_EQ(ib.related_koid, ia.koid);
    EXPECT_EQ(ia.rights, EVENTPAIR_RIGHTS);
    EXPECT_EQ(ib.rights, EVENTPAIR_RIGHTS);
    EXPECT_EQ(signals_of(a), 0);
    EXPECT_EQ(signals_of(b), 0);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(EventPairTest, CheckNoFlagsSupported)
{
    zx_handle_t a = ZX_HANDLE_INVALID, b = ZX_HANDLE_INVALID;
    /* Unknown options are not supported (an event says INVALID_ARGS; a pair does not), and make no
       handle. */
    EXPECT_STATUS(zx_eventpair_create(1, &a, &b), ZX_ERR_NOT_SUPPORTED);
    EXPECT_EQ(a, ZX_HANDLE_INVALID);
    EXPECT_EQ(b, ZX_HANDLE_INVALID);
    EXPECT_STATUS(zx_eventpair_create(0, UNMAPPED, &b), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_eventpair_create(0, &a, UNMAPPED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_eventpair_create(0, &a, NULL), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(b, ZX_HANDLE_INVALID);
    /* When the second end cannot be handed out, the first one is not left behind in the table
       either. The value written before the failure must not name a handle. */
    if (a != ZX_HANDLE_INVALID)
        EXPECT_STATUS(zx_object_get_info(a, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL),
                      ZX_ERR_BAD_HANDLE);
}

TEST(EventPairTest, SignalPeerAndVerifyRecived)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    EXPECT_OK(zx_object_signal(a, 0, ZX_EVENTPAIR_SIGNALED));
    EXPECT_EQ(signals_of(a), ZX_EVENTPAIR_SIGNALED);
    EXPECT_EQ(signals_of(b), 0); /* signalling yourself does not touch the peer */
    EXPECT_OK(zx_object_signal_peer(a, 0, ZX_USER_SIGNAL_2 | ZX_EVENTPAIR_SIGNALED));
    EXPECT_EQ(signals_of(b), ZX_USER_SIGNAL_2 | ZX_EVENTPAIR_SIGNALED);
    EXPECT_OK(zx_object_signal_peer(b, ZX_EVENTPAIR_SIGNALED, ZX_USER_SIGNAL_4));
    EXPECT_EQ(signals_of(a), ZX_USER_SIGNAL_4);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(EventPairTest, KernelSignalsAreNotSettable)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    EXPECT_STATUS(zx_object_signal(a, 0, ZX_EVENTPAIR_PEER_CLOSED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_signal_peer(a, 0, ZX_EVENTPAIR_PEER_CLOSED), ZX_ERR_INVALID_ARGS);
    EXPECT_STATUS(zx_object_signal_peer(a, ZX_OBJECT_SIGNAL_0, 0), ZX_ERR_INVALID_ARGS);
    EXPECT_EQ(signals_of(a), 0);
    EXPECT_EQ(signals_of(b), 0);
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(EventPairTest, SignalPeerNeedsRight)
{
    zx_handle_t a, b, weak;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    ASSERT_OK(zx_handle_duplicate(a, EVENTPAIR_RIGHTS & ~ZX_RIGHT_SIGNAL_PEER, &weak));
    EXPECT_STATUS(zx_object_signal_peer(weak, 0, ZX_USER_SIGNAL_0), ZX_ERR_ACCESS_DENIED);
    /* SIGNAL alone still signals its own end */
    EXPECT_OK(zx_object_signal(weak, 0, ZX_USER_SIGNAL_0));
    EXPECT_EQ(signals_of(b), 0);
    EXPECT_EQ(signals_of(a), ZX_USER_SIGNAL_0);
    EXPECT_OK(zx_handle_close(weak));
    EXPECT_OK(zx_handle_close(a));
    EXPECT_OK(zx_handle_close(b));
}

TEST(EventPairTest, PeerClosedWhenLastHandleGoes)
{
    zx_handle_t a, b, a2;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    ASSERT_OK(zx_handle_duplicate(a, ZX_RIGHT_SAME_RIGHTS, &a2));
    EXPECT_OK(zx_handle_close(a));
    EXPECT_EQ(signals_of(b), 0); /* a2 still holds that end */
    EXPECT_OK(zx_handle_close(a2));
    EXPECT_EQ(signals_of(b), ZX_EVENTPAIR_PEER_CLOSED);
    EXPECT_OK(zx_object_wait_one(b, ZX_EVENTPAIR_PEER_CLOSED, 0, NULL));
    EXPECT_OK(zx_handle_close(b));
}

TEST(EventPairTest, SignalingClosedPeerReturnsPeerClosed)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    ASSERT_OK(zx_object_signal(b, 0, ZX_USER_SIGNAL_1));
    EXPECT_OK(zx_handle_close(a));
    EXPECT_STATUS(zx_object_signal_peer(b, 0, ZX_USER_SIGNAL_0), ZX_ERR_PEER_CLOSED);
    /* The surviving end keeps its own signals and can still change them. */
    EXPECT_OK(zx_object_signal(b, 0, ZX_EVENTPAIR_SIGNALED));
    EXPECT_EQ(signals_of(b), ZX_EVENTPAIR_PEER_CLOSED | ZX_USER_SIGNAL_1 | ZX_EVENTPAIR_SIGNALED);
    EXPECT_OK(zx_handle_close(b));
}

TEST(EventPairTest, RelatedKoidSurvivesPeerClose)
{
    zx_handle_t a, b;
    ASSERT_OK(zx_eventpair_create(0, &a, &b));
    zx_koid_t a_koid = basic(a).koid;
    EXPECT_OK(zx_handle_close(a));
    /* "This relationship is immutable: an object's related_koid does not change even if the related
       object no longer exists." (zx_object_get_info, ZX_INFO_HANDLE_BASIC) */
    EXPECT_EQ(basic(b).related_koid, a_koid);
    EXPECT_OK(zx_handle_close(b));
}
