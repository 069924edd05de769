/*
 * fakepeer: a TCP peer that misbehaves on purpose, to check that tlssim's
 * live mode ends with a clear error instead of hanging or crashing.
 *
 *   fakepeer server MODE        listen on 127.0.0.1 (a free port, printed
 *                               on stdout as "PORT n"), serve one client
 *   fakepeer client MODE PORT   connect to 127.0.0.1:PORT
 *
 * MODE:
 *   garbage   send bytes that are no TLS record, then wait for the close
 *   http      speak plain HTTP (a request as client, an error page as server)
 *   close     read what arrives, then close without a word
 *   truncate  send the first 9 bytes of a 60-byte handshake record, then close
 *   badhs     send a whole record whose handshake message type is unknown
 *   silent    say nothing, and wait for the other side to give up
 *   alerts    answer with warning alerts (user_canceled), one after another,
 *             until the other side stops reading
 *   trickle   send a handshake record one byte every 0.4 s (a peer keeping
 *             the run alive without ever finishing a message)
 *   bighello  (client) a 64 KiB ClientHello in one-byte records; close once
 *             the server answers
 *   manyexts  (client) a ClientHello with 1004 extensions beyond the three it
 *             needs; close once the server answers
 *   sslv2     (client) an SSL 2.0-format CLIENT-HELLO, then wait for the close
 *   hellorequest (server) read the ClientHello, answer with two HelloRequests,
 *             then close
 *
 *   fakepeer measure OUT CMD ARGS...   run CMD, write its peak resident
 *                                      memory (KiB, getrusage) to OUT, and
 *                                      exit with its status
 *
 * It never runs longer than 20 s (alarm), so a failing test cannot hang.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void die(const char *what)
{
    fprintf(stderr, "fakepeer: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void send_bytes(int fd, const void *p, size_t n)
{
    if (send(fd, p, n, MSG_NOSIGNAL) != (ssize_t)n)
        fprintf(stderr, "fakepeer: send: %s\n", strerror(errno));
}

/* Read (and drop) until the other side closes or \p ms pass in silence. */
static void drain(int fd, int ms)
{
    char buf[4096];
    struct pollfd p = {.fd = fd, .events = POLLIN};
    while (poll(&p, 1, ms) > 0) {
        ssize_t r = recv(fd, buf, sizeof buf, 0);
        if (r <= 0)
            return;
    }
}

/* Wait for the first bytes from the other side (a ClientHello, say). */
static void read_some(int fd)
{
    char buf[4096];
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 5000) > 0 && recv(fd, buf, sizeof buf, 0) < 0)
        die("recv");
}

/* Warning alerts until the other side stops reading (a send fails) or the
 * alarm ends this process. */
static void flood_alerts(int fd)
{
    static const unsigned char alert[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x5a};
    unsigned char many[7 * 512];
    for (size_t i = 0; i < sizeof many; i += sizeof alert)
        memcpy(many + i, alert, sizeof alert);
    while (send(fd, many, sizeof many, MSG_NOSIGNAL) > 0)
        ;
}

/* A ServerHello/ClientHello-sized record, one byte at a time, slowly. */
static void trickle(int fd)
{
    static const unsigned char head[] = {0x16, 0x03, 0x03, 0x40, 0x00};
    send_bytes(fd, head, sizeof head);
    for (int i = 0; i < 40; i++) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 400) > 0) /* the other side closed (or wrote): stop */
            return;
        if (send(fd, "\x02", 1, MSG_NOSIGNAL) != 1)
            return;
    }
}

/* A ClientHello of 4 + 65578 bytes (a padding extension fills it), sent a
 * byte per record: 65582 records of 6 bytes. */
static void big_hello(int fd)
{
    static const unsigned char fixed[] = {
        0x03, 0x03, [34] = 0x00,                      /* version, random, session_id */
        0x00, 0x02, 0xc0, 0x2f, 0x01, 0x00,           /* one suite, null compression */
        0xff, 0xff,                                    /* extensions: 65535 bytes */
        0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17, /* supported_groups secp256r1 */
        0x00, 0x0b, 0x00, 0x02, 0x01, 0x00,           /* ec_point_formats */
        0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04, 0x01, /* rsa_pkcs1_sha256 */
        0x00, 0x15, 0xff, 0xe5};                       /* padding: 65509 zero bytes */
    size_t body = sizeof fixed + 0xffe5, n = 4 + body;
    unsigned char *msg = calloc(n, 1), *recs = malloc(6 * n);
    if (!msg || !recs)
        die("malloc");
    msg[0] = 1;
    msg[1] = (unsigned char)(body >> 16), msg[2] = (unsigned char)(body >> 8);
    msg[3] = (unsigned char)body;
    memcpy(msg + 4, fixed, sizeof fixed);
    for (size_t i = 0; i < n; i++)
        memcpy(recs + 6 * i, (const unsigned char[]){0x16, 0x03, 0x03, 0x00, 0x01, msg[i]}, 6);
    send_bytes(fd, recs, 6 * n);
    free(msg);
    free(recs);
}

/* A ClientHello with the three extensions tlssim needs and 1004 more
 * (types 0x1000.., empty), in one record. */
static void many_extensions(int fd)
{
    static const unsigned char fixed[] = {
        0x03, 0x03, [34] = 0x00,                      /* version, random, session_id */
        0x00, 0x02, 0xc0, 0x2f, 0x01, 0x00,           /* one suite, null compression */
        0x0f, 0xc6,                                    /* extensions: 22 + 1004 * 4 bytes */
        0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17, /* supported_groups secp256r1 */
        0x00, 0x0b, 0x00, 0x02, 0x01, 0x00,           /* ec_point_formats */
        0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04, 0x01}; /* rsa_pkcs1_sha256 */
    size_t body = sizeof fixed + 1004 * 4, n = 5 + 4 + body;
    unsigned char *rec = calloc(n, 1);
    if (!rec)
        die("calloc");
    memcpy(rec, (const unsigned char[]){0x16, 0x03, 0x03, (unsigned char)((n - 5) >> 8),
                                        (unsigned char)(n - 5), 1, 0,
                                        (unsigned char)(body >> 8), (unsigned char)body}, 9);
    memcpy(rec + 9, fixed, sizeof fixed);
    for (size_t i = 0; i < 1004; i++) {
        unsigned char *x = rec + 9 + sizeof fixed + 4 * i;
        x[0] = (unsigned char)(0x10 + (i >> 8));
        x[1] = (unsigned char)i;
    }
    send_bytes(fd, rec, n);
    free(rec);
}

/* fakepeer measure OUT CMD ARGS... */
static int measure(char **argv)
{
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        execv(argv[1], argv + 1);
        die("exec");
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        die("wait4");
    FILE *f = fopen(argv[0], "w");
    if (!f)
        die("fopen");
    fprintf(f, "%ld\n", ru.ru_maxrss);
    fclose(f);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void act(int fd, const char *mode, int server)
{
    static const unsigned char garbage[] = {0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03,
                                            0xff, 0xfe, 0x10, 0x80, 0x7f, 0x42, 0x13, 0x37};
    /* A handshake record (type 22, TLS 1.2) announcing 60 bytes. */
    static const unsigned char partial[] = {0x16, 0x03, 0x03, 0x00, 0x3c, 0x02, 0x00, 0x00, 0x38};
    /* A whole record carrying a handshake message of unknown type 0x63. */
    static const unsigned char badhs[] = {0x16, 0x03, 0x03, 0x00, 0x08, 0x63, 0x00, 0x00,
                                          0x04, 0x01, 0x02, 0x03, 0x04};
    if (strcmp(mode, "garbage") == 0) {
        if (server)
            read_some(fd);
        send_bytes(fd, garbage, sizeof garbage);
        drain(fd, 10000);
    } else if (strcmp(mode, "http") == 0) {
        const char *msg = server ? "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                 : "GET / HTTP/1.1\r\nHost: www.example.test\r\n\r\n";
        if (server)
            read_some(fd);
        send_bytes(fd, msg, strlen(msg));
        drain(fd, 10000);
    } else if (strcmp(mode, "close") == 0) {
        if (server)
            read_some(fd);
    } else if (strcmp(mode, "truncate") == 0) {
        if (server)
            read_some(fd);
        send_bytes(fd, partial, sizeof partial);
    } else if (strcmp(mode, "badhs") == 0) {
        if (server)
            read_some(fd);
        send_bytes(fd, badhs, sizeof badhs);
        drain(fd, 10000);
    } else if (strcmp(mode, "alerts") == 0) {
        if (server)
            read_some(fd);
        flood_alerts(fd);
    } else if (strcmp(mode, "trickle") == 0) {
        if (server)
            read_some(fd);
        trickle(fd);
    } else if (strcmp(mode, "bighello") == 0) {
        big_hello(fd);
        read_some(fd);
    } else if (strcmp(mode, "manyexts") == 0) {
        many_extensions(fd);
        read_some(fd);
    } else if (strcmp(mode, "sslv2") == 0) {
        /* SSLv2 header (length 0x2e), CLIENT-HELLO, version 3.1, 21 bytes
         * of cipher specs, no session id, 16 bytes of challenge. */
        static const unsigned char v2[] = {0x80, 0x2e, 0x01, 0x03, 0x01, 0x00, 0x15, 0x00, 0x00,
                                           0x00, 0x10, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x35};
        send_bytes(fd, v2, sizeof v2);
        drain(fd, 10000);
    } else if (strcmp(mode, "hellorequest") == 0) {
        static const unsigned char hr[] = {0x16, 0x03, 0x03, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0, 0};
        read_some(fd);
        send_bytes(fd, hr, sizeof hr);
    } else if (strcmp(mode, "silent") == 0) {
        drain(fd, 15000);
    } else {
        fprintf(stderr, "fakepeer: unknown mode %s\n", mode);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "measure") == 0)
        return measure(argv + 2);
    if (argc < 3 || (strcmp(argv[1], "client") == 0 && argc < 4)) {
        fputs("usage: fakepeer server MODE | fakepeer client MODE PORT\n", stderr);
        return 2;
    }
    alarm(20);
    int server = strcmp(argv[1], "server") == 0;
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        die("socket");
    if (server) {
        socklen_t len = sizeof a;
        if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 1) != 0 ||
            getsockname(fd, (struct sockaddr *)&a, &len) != 0)
            die("listen");
        printf("PORT %u\n", ntohs(a.sin_port));
        fflush(stdout);
        int c = accept(fd, NULL, NULL);
        if (c < 0)
            die("accept");
        act(c, argv[2], 1);
        close(c);
    } else {
        a.sin_port = htons((unsigned short)atoi(argv[3]));
        if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0)
            die("connect");
        act(fd, argv[2], 0);
    }
    close(fd);
    return 0;
}
