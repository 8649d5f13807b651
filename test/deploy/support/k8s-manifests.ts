import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** A Kubernetes object as parsed from YAML; checks narrow the parts they read. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
  readonly data?: Record<string, string>;
  readonly stringData?: Record<string, string>;
}

export interface HttpProbe {
  readonly httpGet?: { readonly path?: string; readonly port?: number | string };
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: {
    readonly fieldRef?: { readonly fieldPath: string };
    readonly secretKeyRef?: { readonly name: string; readonly key: string; readonly optional?: boolean };
    readonly configMapKeyRef?: { readonly name: string; readonly key: string; readonly optional?: boolean };
  };
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly ports?: ReadonlyArray<{ readonly name?: string; readonly containerPort: number }>;
  readonly env?: readonly EnvVar[];
  readonly envFrom?: ReadonlyArray<{
    readonly configMapRef?: { readonly name: string };
    readonly secretRef?: { readonly name: string };
  }>;
  readonly readinessProbe?: HttpProbe;
  readonly livenessProbe?: HttpProbe;
  readonly startupProbe?: HttpProbe;
  readonly resources?: {
    readonly requests?: Record<string, string>;
    readonly limits?: Record<string, string>;
  };
}

export interface Workload extends K8sObject {
  readonly spec: {
    readonly replicas?: number;
    readonly template: { readonly spec: { readonly containers: readonly Container[] } };
  };
}

export const K8S_BASE = join('deploy', 'k8s', 'base');

/** The files the kustomization lists under `resources`. */
export function kustomizationResources(root: string): string[] {
  const kustomization = parse(readFileSync(join(root, K8S_BASE, 'kustomization.yaml'), 'utf8')) as {
    resources?: string[];
  };
  return kustomization.resources ?? [];
}

export function loadObjects(root: string, file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(join(root, K8S_BASE, file), 'utf8'))
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

/** Everything `kubectl apply -k deploy/k8s/base` creates (before kustomize's transformations). */
export const loadBase = (root: string): K8sObject[] =>
  kustomizationResources(root).flatMap((file) => loadObjects(root, file));

export const isWorkload = (object: K8sObject): object is Workload =>
  object.kind === 'Deployment' || object.kind === 'StatefulSet';

export function find(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${K8S_BASE}`);
  return found;
}

/** Every variable a container gets: `env`, plus the keys of the ConfigMaps and Secrets in `envFrom`. */
export function containerEnvNames(
  container: Container,
  objects: readonly K8sObject[],
  secrets: readonly K8sObject[],
): string[] {
  const fromMaps = (container.envFrom ?? []).flatMap((source) => {
    if (source.configMapRef)
      return Object.keys(find(objects, 'ConfigMap', source.configMapRef.name).data ?? {});
    if (source.secretRef) return Object.keys(find(secrets, 'Secret', source.secretRef.name).stringData ?? {});
    return [];
  });
  return [...fromMaps, ...(container.env ?? []).map((variable) => variable.name)];
}

/** The value a container's variable gets from a literal or a ConfigMap of the base, if any. */
export function containerEnvValue(
  container: Container,
  objects: readonly K8sObject[],
  name: string,
): string | undefined {
  const direct = container.env?.find((variable) => variable.name === name);
  if (direct) return direct.value;
  for (const source of container.envFrom ?? []) {
    const data = source.configMapRef ? find(objects, 'ConfigMap', source.configMapRef.name).data : undefined;
    if (data && name in data) return data[name];
  }
  return undefined;
}

/** A probe's port as a number: a named port resolves to the container's port of that name. */
export function probePort(container: Container, probe: HttpProbe | undefined): number | undefined {
  const port = probe?.httpGet?.port;
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

/** True when the variable comes from a Secret or ConfigMap key marked optional (it may stay unset). */
export function isOptionalRef(container: Container, name: string): boolean {
  const from = container.env?.find((variable) => variable.name === name)?.valueFrom;
  return from?.secretKeyRef?.optional === true || from?.configMapKeyRef?.optional === true;
}
