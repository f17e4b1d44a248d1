/**
 * The public intake of respondents' answers. A response is checked against its survey's
 * questions, stored, and announced with a {@code ResponseSubmitted} event inside the same
 * transaction, so that its deliveries are stored with it or not at all.
 */
package com.rateup.webhooks.responses;
