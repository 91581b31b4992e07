/* The kernel's floor, for bench/run: a minimal rtnetlink client.
 * `floor N`: adds N blackhole /24 routes (the same ones bench/run's batch
 * files hold), 256 requests per sendmsg, and reads every ACK back (counting
 * refusals). `floor dump`: asks for a dump of the IPv4 routes and reads it to
 * the end, as `ip route show` asks (a 32 KiB buffer per recv). No parsing,
 * no printing: what is left is the kernel's work.
 * Build: cc -O2 -o floor bench/floor.c; run as root, in a netns. */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PER_SEND 256

struct req {
	struct nlmsghdr nh;
	struct rtmsg rt;
	struct rtattr dst_attr;
	unsigned char dst[4];
};

/* Read a route dump to its end; the number of routes, or -1. */
static long dump(int fd)
{
	struct {
		struct nlmsghdr nh;
		struct rtmsg rt;
	} q = {
		.nh = { .nlmsg_len = sizeof(q), .nlmsg_type = RTM_GETROUTE,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
		.rt = { .rtm_family = AF_INET },
	};
	static char buf[32768];
	long routes = 0;

	if (send(fd, &q, sizeof(q), 0) < 0) { perror("send"); return -1; }
	for (;;) {
		ssize_t got = recv(fd, buf, sizeof(buf), 0);
		if (got < 0) { perror("recv"); return -1; }
		for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, got); h = NLMSG_NEXT(h, got)) {
			if (h->nlmsg_type == NLMSG_DONE)
				return routes;
			if (h->nlmsg_type == NLMSG_ERROR)
				return -1;
			routes++;
		}
	}
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "dump") == 0) {
		int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
		if (fd < 0) { perror("socket"); return 1; }
		return dump(fd) < 0;
	}
	long n = argc > 1 ? atol(argv[1]) : 100000;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int size = 4 << 20, one = 1;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	static struct req batch[PER_SEND];
	static char buf[1 << 16];
	long failed = 0, seq = 0;

	if (fd < 0) { perror("socket"); return 1; }
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size));
	setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	for (long i = 0; i < n; i += PER_SEND) {
		int k = n - i < PER_SEND ? n - i : PER_SEND;
		for (int j = 0; j < k; j++) {
			long r = i + j;
			struct req *q = &batch[j];
			memset(q, 0, sizeof(*q));
			q->nh.nlmsg_len = sizeof(*q);
			q->nh.nlmsg_type = RTM_NEWROUTE;
			q->nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
			q->nh.nlmsg_seq = ++seq;
			q->rt.rtm_family = AF_INET;
			q->rt.rtm_dst_len = 24;
			q->rt.rtm_table = RT_TABLE_MAIN;
			q->rt.rtm_protocol = RTPROT_BOOT;
			q->rt.rtm_scope = RT_SCOPE_UNIVERSE;
			q->rt.rtm_type = RTN_BLACKHOLE;
			q->dst_attr.rta_len = RTA_LENGTH(4);
			q->dst_attr.rta_type = RTA_DST;
			q->dst[0] = 10 + r / 65536;
			q->dst[1] = (r / 256) % 256;
			q->dst[2] = r % 256;
		}
		if (sendto(fd, batch, k * sizeof(batch[0]), 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0) {
			perror("sendto");
			return 1;
		}
		for (int acked = 0; acked < k;) {
			ssize_t got = recv(fd, buf, sizeof(buf), 0);
			if (got < 0) { perror("recv"); return 1; }
			for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, got); h = NLMSG_NEXT(h, got)) {
				if (h->nlmsg_type != NLMSG_ERROR)
					continue;
				acked++;
				if (((struct nlmsgerr *)NLMSG_DATA(h))->error)
					failed++;
			}
		}
	}
	if (failed)
		fprintf(stderr, "%ld of %ld refused\n", failed, n);
	return failed != 0;
}
