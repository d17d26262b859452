/** What shipready knows about well-known images, for Compose rules that cannot inspect the image. */
import { table } from '../../table.js';

export interface ImageName {
  raw: string;
  registry: string | null;
  /** Repository path without the registry, lower-cased (e.g. `bitnami/postgresql`). */
  repository: string;
  /** Last path component (e.g. `postgresql`). */
  name: string;
  tag: string | null;
  digest: string | null;
  /** Offsets of the tag inside `raw` (after the colon), when there is one. */
  tagStart: number | null;
}

export function parseImageName(raw: string): ImageName {
  let rest = raw.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | null = null;
  let tagStart: number | null = null;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    tagStart = raw.indexOf(rest) + colon + 1;
    rest = rest.slice(0, colon);
  }
  // Without split/join: this runs for every FROM of every Dockerfile (and every Compose image).
  const firstSlash = rest.indexOf('/');
  const first = firstSlash < 0 ? rest : rest.slice(0, firstSlash);
  let registry: string | null = null;
  let path = rest;
  if (firstSlash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    path = rest.slice(firstSlash + 1);
  }
  const lower = path.toLowerCase();
  const repository = lower.startsWith('library/') ? lower.slice(8) : lower;
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return { raw, registry, repository, name, tag, digest, tagStart };
}

export interface DatabaseInfo {
  /** What kind of store, for messages. */
  label: string;
  ports: number[];
  /** Where the data lives (absolute container paths). */
  dataDirs: string[];
  /** Environment variable that moves the data directory. */
  dataDirEnv?: string;
  /** A cache (data loss on restart is acceptable): no data-volume check. */
  cache?: boolean;
  /** Where to mount a volume for the data, when not the data directory itself. */
  mountDir?: string;
  /** A mount point the image refuses to start with, unless `dataDirEnv` points at it. */
  refusedMount?: string;
}

const DB = table<DatabaseInfo>({
  postgres: { label: 'PostgreSQL', ports: [5432], dataDirs: ['/var/lib/postgresql/data'], dataDirEnv: 'PGDATA' },
  mysql: { label: 'MySQL', ports: [3306, 33060], dataDirs: ['/var/lib/mysql'] },
  mariadb: { label: 'MariaDB', ports: [3306], dataDirs: ['/var/lib/mysql'] },
  mongo: { label: 'MongoDB', ports: [27017], dataDirs: ['/data/db'] },
  redis: { label: 'Redis', ports: [6379], dataDirs: ['/data'], cache: true },
  memcached: { label: 'Memcached', ports: [11211], dataDirs: [], cache: true },
  elasticsearch: { label: 'Elasticsearch', ports: [9200, 9300], dataDirs: ['/usr/share/elasticsearch/data'] },
  opensearch: { label: 'OpenSearch', ports: [9200, 9300], dataDirs: ['/usr/share/opensearch/data'] },
  cassandra: { label: 'Cassandra', ports: [9042], dataDirs: ['/var/lib/cassandra'] },
  couchdb: { label: 'CouchDB', ports: [5984], dataDirs: ['/opt/couchdb/data'] },
  neo4j: { label: 'Neo4j', ports: [7687, 7474], dataDirs: ['/data'] },
  influxdb: { label: 'InfluxDB', ports: [8086], dataDirs: ['/var/lib/influxdb2', '/var/lib/influxdb'] },
  clickhouse: { label: 'ClickHouse', ports: [8123, 9000], dataDirs: ['/var/lib/clickhouse'] },
  cockroach: { label: 'CockroachDB', ports: [26257], dataDirs: ['/cockroach/cockroach-data'] },
  mssql: { label: 'SQL Server', ports: [1433], dataDirs: ['/var/opt/mssql'] },
});

const ALIASES = table<string>({
  postgresql: 'postgres', postgis: 'postgres', timescaledb: 'postgres', pgvector: 'postgres', 'timescaledb-ha': 'postgres',
  percona: 'mysql', 'percona-server': 'mysql', 'mysql-server': 'mysql',
  mongodb: 'mongo', 'mongodb-community-server': 'mongo',
  valkey: 'redis', keydb: 'redis', 'redis-stack-server': 'redis', 'redis-stack': 'redis',
  'clickhouse-server': 'clickhouse',
});

/** Ports of databases and caches, for services whose image is not recognised. */
export const WELL_KNOWN_DATABASE_PORTS = new Map<number, string>([
  [5432, 'PostgreSQL'], [3306, 'MySQL/MariaDB'], [27017, 'MongoDB'], [6379, 'Redis'], [11211, 'Memcached'],
  [9042, 'Cassandra'], [5984, 'CouchDB'], [1433, 'SQL Server'], [26257, 'CockroachDB'], [1521, 'Oracle'], [7687, 'Neo4j'],
]);

/** The database or cache an image runs, if it is a well-known one. */
export function databaseOf(img: ImageName): DatabaseInfo | undefined {
  if (img.repository === 'mcr.microsoft.com/mssql/server' || img.repository === 'mssql/server' || (img.registry === 'mcr.microsoft.com' && img.repository.startsWith('mssql/'))) return DB.mssql;
  const key = ALIASES[img.name] ?? img.name;
  const info = key ? DB[key] : undefined;
  if (!info) return undefined;
  if (img.repository.startsWith('bitnami/')) {
    const dir = key === 'redis' ? '/bitnami/redis/data' : `/bitnami/${img.name}`;
    return { ...info, dataDirs: [dir], dataDirEnv: undefined };
  }
  const major = img.repository === 'postgres' && (img.registry === null || img.registry === 'docker.io') ? postgresMajor(img) : undefined;
  if (major !== undefined && major >= 18) {
    // From 18 the official image keeps its data in /var/lib/postgresql/MAJOR/docker (pg_ctlcluster's
    // layout) with the volume on /var/lib/postgresql, and its entrypoint stops with "unused
    // mount/volume" when something is mounted on the old /var/lib/postgresql/data.
    return { ...info, dataDirs: [`/var/lib/postgresql/${major}/docker`], mountDir: '/var/lib/postgresql', refusedMount: '/var/lib/postgresql/data' };
  }
  return info;
}

/** The PostgreSQL major version that `postgres:latest` (or untagged) runs. */
const POSTGRES_LATEST_MAJOR = 18;

/** The major version of an official postgres image by its tag (`17.6-alpine`, `latest`, `alpine`), or undefined. */
function postgresMajor(img: ImageName): number | undefined {
  if (img.tag === null) return img.digest ? undefined : POSTGRES_LATEST_MAJOR;
  const m = /^(\d+)/.exec(img.tag);
  if (m) return Number(m[1]);
  return /^(latest|alpine[\d.]*|bookworm|trixie)$/.test(img.tag) ? POSTGRES_LATEST_MAJOR : undefined;
}

/** Images whose main process runs as root unless `user:` says otherwise. */
const ROOT_IMAGES = new Set([
  'nginx', 'httpd', 'node', 'python', 'ruby', 'golang', 'php', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'ubuntu', 'debian',
  'alpine', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'traefik', 'caddy', 'wordpress', 'nextcloud', 'drupal', 'joomla',
  'tomcat', 'maven', 'gradle', 'perl', 'rust', 'elixir', 'erlang', 'dotnet/aspnet', 'dotnet/runtime', 'dotnet/sdk', 'phpmyadmin', 'buildpack-deps',
]);

/** Images known to run as (or switch to) an unprivileged user by themselves. */
const NON_ROOT_IMAGES = new Set([
  'postgres', 'mysql', 'mariadb', 'mongo', 'redis', 'valkey', 'memcached', 'rabbitmq', 'elasticsearch', 'opensearch', 'cassandra', 'couchdb',
  'neo4j', 'influxdb', 'grafana', 'prometheus', 'alertmanager', 'node-exporter', 'zookeeper', 'kafka', 'jenkins', 'sonarqube', 'keycloak',
  'nginx-unprivileged', 'mongo-express', 'adminer', 'ghost', 'kibana', 'logstash', 'mailhog', 'mailpit', 'loki', 'tempo', 'mimir', 'vault', 'consul',
]);

/** Does the image run as root by default? true / false, or undefined when shipready does not know. */
export function imageRunsAsRoot(img: ImageName): boolean | undefined {
  if (img.repository.startsWith('bitnami/') || img.name.endsWith('-unprivileged') || img.name.endsWith('-rootless')) return false;
  if (img.tag && img.tag.includes('nonroot') && /(^|-)nonroot($|-)/.test(img.tag)) return false;
  if (img.registry === 'gcr.io' && img.repository.startsWith('distroless/')) return img.tag ? !/nonroot/.test(img.tag) : true;
  const repo = img.repository.includes('/') ? img.repository.replace(/^(?:grafana|prom|jenkins|hashicorp|confluentinc|docker\.elastic\.co\/[^/]+)\//, '') : img.repository;
  if (NON_ROOT_IMAGES.has(repo) || NON_ROOT_IMAGES.has(img.name)) return false;
  if (ROOT_IMAGES.has(img.repository) || (img.registry === 'mcr.microsoft.com' && ROOT_IMAGES.has(img.repository))) return true;
  return undefined;
}

/** Paths an image writes at run time, for a `read_only: true` + `tmpfs` suggestion. */
export function runtimeWritablePaths(img: ImageName | null): string[] {
  switch (img?.name) {
    case 'nginx':
      return ['/tmp', '/var/cache/nginx', '/var/run'];
    case 'postgres':
      return ['/tmp', '/var/run/postgresql'];
    case 'httpd':
      return ['/tmp', '/usr/local/apache2/logs'];
    default:
      return ['/tmp'];
  }
}
