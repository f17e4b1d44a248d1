/**
 * Web Surveys and WhatsApp Flows of a team, with their ordered questions. A question's type
 * decides which answers the response intake accepts.
 *
 * <p>On the component map (docs/architecture.md, "Where things are"; checked by ArchitectureTest): uses {@code
 * teams} and {@code platform}; {@code webhooks}, {@code responses}, the delivery core and {@code
 * admin} use it.
 */
package com.rateup.webhooks.surveys;
