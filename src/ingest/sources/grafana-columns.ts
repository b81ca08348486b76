/**
 * Columns of grafana_alerts, which stores Grafana unified alerting, Grafana
 * legacy alerting and Alertmanager bodies. A column that a format does not
 * carry is null for it.
 */

import type { ColumnTable } from "../columns.ts";

export const GRAFANA_COLUMNS: ColumnTable = {
  format: {
    type: "text",
    description: "Body format: 'unified', 'legacy' or 'alertmanager'",
  },
  receiver: { type: "text", description: "Contact point or receiver name" },
  group_key: {
    type: "text",
    description: "groupKey: the notification group this alert came in",
  },
  generator_url: {
    type: "text",
    description: "generatorURL: link to the rule or the expression",
  },
  external_url: {
    type: "text",
    description: "externalURL of the sending Grafana or Alertmanager",
  },
  silence_url: { type: "text", description: "silenceURL (unified)" },
  dashboard_url: { type: "text", description: "dashboardURL (unified)" },
  panel_url: { type: "text", description: "panelURL (unified)" },
  image_url: {
    type: "text",
    description: "imageURL (unified) or imageUrl (legacy)",
  },
  value_string: {
    type: "text",
    description: "valueString: the query values as Grafana printed them",
  },
  metric_values: {
    type: "jsonb",
    description: "values: query reference id to number (unified)",
  },
  annotations: {
    type: "jsonb",
    description:
      "The alert annotations (summary, description, runbook_url, ...)",
  },
  truncated_alerts: {
    type: "integer",
    description: "truncatedAlerts: alerts of the group left out of the body",
  },
  grafana_org_id: {
    type: "bigint",
    description: "orgId: the Grafana organization (not the Aurora tenant)",
  },
  rule_id: { type: "bigint", description: "ruleId (legacy)" },
  rule_name: { type: "text", description: "ruleName (legacy)" },
  rule_url: { type: "text", description: "ruleUrl (legacy)" },
  dashboard_id: { type: "bigint", description: "dashboardId (legacy)" },
  panel_id: { type: "bigint", description: "panelId (legacy)" },
  eval_matches: {
    type: "jsonb",
    description: "evalMatches: the series that matched the rule (legacy)",
  },
};
