/**
 * Respondents' privacy towards a team (#34): what the team holds about a respondent, known by their phone
 * number, and its erasure with an audit record. What each webhook may see of a respondent is the webhook's
 * own setting ({@code webhooks}' {@code PersonalData}, applied by {@code outbox}); how long a delivered
 * payload is kept is {@code deliveries}' retention.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code outbox},
 * {@code responses}, {@code webhooks}, {@code surveys}, {@code teams} and {@code platform}; {@code admin}
 * uses it.
 */
package com.rateup.webhooks.privacy;
