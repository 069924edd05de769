/* Sockets for live mode: see net.h. */
#include "net.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include "tlssim/err.h"

static bool set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

/* Wait for \p events on \p fd; false on timeout or error (errno says which). */
static bool wait_for(int fd, short events, int timeout_ms)
{
    struct pollfd p = {.fd = fd, .events = events};
    for (;;) {
        int r = poll(&p, 1, timeout_ms);
        if (r > 0)
            return true;
        if (r == 0) {
            errno = ETIMEDOUT;
            return false;
        }
        if (errno != EINTR)
            return false;
    }
}

static void format_addr(const struct sockaddr *sa, socklen_t len, char *out, size_t out_len)
{
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    if (getnameinfo(sa, len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        snprintf(out, out_len, "?");
        return;
    }
    snprintf(out, out_len, sa->sa_family == AF_INET6 ? "[%s]:%s" : "%s:%s", host, serv);
}

void net_describe(int fd, bool peer, char *out, size_t out_len)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    int r = peer ? getpeername(fd, (struct sockaddr *)&ss, &len)
                 : getsockname(fd, (struct sockaddr *)&ss, &len);
    if (r != 0)
        snprintf(out, out_len, "?");
    else
        format_addr((struct sockaddr *)&ss, len, out, out_len);
}

/* One address: a non-blocking connect, finished within the timeout. */
static int connect_one(const struct addrinfo *ai, int timeout_ms, int *err)
{
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    if (!set_nonblocking(fd)) {
        *err = errno;
        close(fd);
        return -1;
    }
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
        return fd;
    if (errno != EINPROGRESS) {
        *err = errno;
        close(fd);
        return -1;
    }
    if (!wait_for(fd, POLLOUT, timeout_ms)) {
        *err = errno;
        close(fd);
        return -1;
    }
    int soerr = 0;
    socklen_t len = sizeof soerr;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0 || soerr != 0) {
        *err = soerr ? soerr : errno;
        close(fd);
        return -1;
    }
    return fd;
}

int net_connect(const char *host, const char *port, int timeout_ms,
                char *peer, size_t peer_len, tls_text *why)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    struct addrinfo *list = NULL;
    int gai = getaddrinfo(host, port, &hints, &list);
    if (gai != 0) {
        tls_text_make(why, TLS_TEXT_RESOLVE_FAILED,
                      TLS_ARGS(TLS_ARG_S("host", host), TLS_ARG_T("error", tls_text_gai_strerror(gai))));
        return NET_ERROR;
    }
    int fd = -1, err = 0;
    for (const struct addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
        fd = connect_one(ai, timeout_ms, &err);
        if (fd >= 0)
            format_addr(ai->ai_addr, ai->ai_addrlen, peer, peer_len);
    }
    freeaddrinfo(list);
    if (fd < 0) {
        char target[300];
        snprintf(target, sizeof target, "%s:%s", host, port);
        tls_text_make(why, TLS_TEXT_CONNECT_FAILED,
                      TLS_ARGS(TLS_ARG_S("target", target),
                               err == ETIMEDOUT ? TLS_ARG_T("error", TLS_TERM("no answer (timed out)"))
                                                : TLS_ARG_T("error", tls_text_strerror(err))));
        return err == ETIMEDOUT ? NET_TIMEOUT : NET_ERROR;
    }
    return fd;
}

int net_listen(const char *host, const char *port, char *local, size_t local_len,
               tls_text *why)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE};
    struct addrinfo *list = NULL;
    /* Loopback unless told otherwise: the demo key is public, so a server
     * using it should not face the network by accident. */
    const char *h = host && *host ? host : "127.0.0.1";
    int gai = getaddrinfo(h, port, &hints, &list);
    if (gai != 0) {
        tls_text_make(why, TLS_TEXT_RESOLVE_FAILED,
                      TLS_ARGS(TLS_ARG_S("host", h), TLS_ARG_T("error", tls_text_gai_strerror(gai))));
        return -1;
    }
    int fd = -1, err = 0;
    for (const struct addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 1) != 0 ||
            !set_nonblocking(fd)) {
            err = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(list);
    if (fd < 0) {
        char target[300];
        snprintf(target, sizeof target, "%s:%s", h, port);
        tls_text_make(why, TLS_TEXT_LISTEN_FAILED,
                      TLS_ARGS(TLS_ARG_S("target", target), TLS_ARG_T("error", tls_text_strerror(err))));
        return -1;
    }
    net_describe(fd, false, local, local_len);
    return fd;
}

int net_accept(int lfd, int timeout_ms, char *peer, size_t peer_len, tls_text *why)
{
    for (;;) {
        if (!wait_for(lfd, POLLIN, timeout_ms)) {
            bool timed_out = errno == ETIMEDOUT;
            if (timed_out)
                tls_text_make(why, TLS_TEXT_NO_CLIENT_IN_TIME, NULL);
            else
                tls_text_free_form(why, tls_text_strerror(errno));
            return timed_out ? NET_TIMEOUT : NET_ERROR;
        }
        int fd = accept(lfd, NULL, NULL);
        if (fd >= 0) {
            if (!set_nonblocking(fd)) {
                tls_text_free_form(why, tls_text_strerror(errno));
                close(fd);
                return NET_ERROR;
            }
            net_describe(fd, true, peer, peer_len);
            return fd;
        }
        /* The client may have given up between poll and accept: wait again. */
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ECONNABORTED && errno != EINTR) {
            tls_text_make(why, TLS_TEXT_ACCEPT_FAILED, TLS_ARGS(TLS_ARG_T("error", tls_text_strerror(errno))));
            return NET_ERROR;
        }
    }
}

long net_recv(int fd, uint8_t *buf, size_t n, int timeout_ms)
{
    for (;;) {
        if (!wait_for(fd, POLLIN, timeout_ms))
            return errno == ETIMEDOUT ? NET_TIMEOUT : NET_ERROR;
        ssize_t r = recv(fd, buf, n, 0);
        if (r >= 0)
            return (long)r;
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return NET_ERROR;
    }
}

bool net_send_all(int fd, const uint8_t *p, size_t n, int timeout_ms, tls_text *why)
{
    while (n > 0) {
        /* MSG_NOSIGNAL: a peer that has gone away is an error to report,
         * not a SIGPIPE that kills the program. */
        ssize_t r = send(fd, p, n, MSG_NOSIGNAL);
        if (r > 0) {
            p += r;
            n -= (size_t)r;
            continue;
        }
        if (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            tls_text_make(why, TLS_TEXT_SEND_FAILED, TLS_ARGS(TLS_ARG_T("error", tls_text_strerror(errno))));
            return false;
        }
        if (!wait_for(fd, POLLOUT, timeout_ms)) {
            tls_text_make(why, TLS_TEXT_SEND_FAILED,
                          TLS_ARGS(errno == ETIMEDOUT
                                       ? TLS_ARG_T("error", TLS_TERM("the peer stopped reading (timed out)"))
                                       : TLS_ARG_T("error", tls_text_strerror(errno))));
            return false;
        }
    }
    return true;
}
