/**
 * Web Surveys and WhatsApp Flows of a team, with their ordered questions. A question's type
 * decides which answers the response intake accepts.
 */
package com.rateup.webhooks.surveys;
