/**
 * The public intake of respondents' answers. A response is checked against its survey's
 * questions, stored, and announced with a {@code ResponseSubmitted} event inside the same
 * transaction, so that its deliveries are stored with it or not at all.
 *
 * <p>On the component map (README, "Where things are"; checked by ArchitectureTest): uses {@code
 * surveys}, {@code teams} and {@code platform}; it knows nothing of deliveries: {@code deliveries}
 * observes its event.
 */
package com.rateup.webhooks.responses;
