/**
 * The public intake of respondents' answers. A response is checked against its survey's
 * questions on the request's thread, then stored with others that arrived meanwhile in one
 * transaction (group commit), each announced with a {@code ResponseSubmitted} event inside it, so
 * that its deliveries are stored with it or not at all; its 201 waits for that commit.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code
 * surveys}, {@code teams} and {@code platform}; it knows nothing of deliveries: {@code outbox}
 * observes its event.
 */
package com.rateup.webhooks.responses;
