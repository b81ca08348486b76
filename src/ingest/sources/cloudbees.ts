/**
 * CloudBees CI build events. CloudBees CI runs Jenkins, so its controllers
 * send the same Notification Plugin body and the same deployment body as
 * jenkins.ts reads, under the same rules for state, severity and title.
 *
 * What differs: one CloudBees CI installation runs many controllers, each at
 * its own URL (for example `https://ci.example.com/payments/`), and two
 * controllers can have jobs with the same name. The controller is read from
 * the build URL, the part before the first `/job/`, and it is part of the
 * fingerprint and of the dedupKey (`build:<controller>/<job>#<number>`).
 * Without a build URL the rules are those of Jenkins.
 */

import type { ColumnTable } from "../columns.ts";
import type { SourceParser } from "../types.ts";
import {
  JENKINS_COLUMNS,
  normalizeBuild,
  readJenkinsBuild,
} from "./jenkins.ts";

export const CLOUDBEES_COLUMNS: ColumnTable = {
  ...JENKINS_COLUMNS,
  controller_url: {
    type: "text",
    description: "Controller URL: the build URL up to its first /job/",
  },
  controller_name: {
    type: "text",
    description: "Last path segment of the controller URL, else its host name",
  },
};

export interface Controller {
  url: string;
  name: string;
}

/** Parses one CloudBees CI build event. */
export const parseCloudBees: SourceParser = (body, context) => {
  const build = readJenkinsBuild(body);
  const controller = controllerFromBuildUrl(build.fullUrl);
  return [
    normalizeBuild(build, context, {
      source: "cloudbees",
      jobPrefix: controller === null ? "" : `${controller.url}/`,
      columnTable: CLOUDBEES_COLUMNS,
      columns: {
        controller_url: controller?.url ?? null,
        controller_name: controller?.name ?? null,
      },
    }),
  ];
};

/**
 * Reads the controller from an absolute build URL such as
 * `https://ci.example.com/payments/job/checkout-deploy/142/`. Returns null
 * for a relative or unparsable URL.
 */
export function controllerFromBuildUrl(
  buildUrl: string | null,
): Controller | null {
  if (buildUrl === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(buildUrl);
  } catch {
    return null;
  }
  const jobIndex = parsed.pathname.indexOf("/job/");
  const basePath =
    jobIndex === -1 ? parsed.pathname : parsed.pathname.slice(0, jobIndex);
  const trimmedPath = basePath.replace(/\/+$/, "");
  const url = `${parsed.origin}${trimmedPath}`;
  const lastSegment = trimmedPath.split("/").filter(Boolean).pop();
  return { url, name: lastSegment ?? parsed.hostname };
}
