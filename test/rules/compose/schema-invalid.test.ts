import rule from '../../../src/rules/compose/schema-invalid.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'name: shop\nx-common: {a: 1}\nservices:\n  a:\n    image: x:1\n    x-meta: {owner: me}\n    ports: ["80:80", {target: 81, published: "8081"}]\n    privileged: ${PRIV:-false}\n    deploy:\n      resources:\n        limits: {memory: 1G}\nvolumes:\n  data: {}\n',
    { name: 'strings Compose converts before validating: ${VAR} and quoted values', code: 'services:\n  a:\n    image: x:1\n    cpu_count: "${CPUS:-2}"\n    oom_score_adj: "-500"\n    depends_on:\n      b: {condition: service_started, required: ${B_REQUIRED:-true}, restart: "yes"}\n  b:\n    image: x:1\n' },
    { name: 'Go durations, bare seconds and variables', code: 'services:\n  a:\n    image: x:1\n    stop_grace_period: 1m30s\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 1.5s\n      timeout: "10"\n      start_period: ${START:-0s}\n      start_interval: 500ms\n    deploy:\n      restart_policy: {delay: 5s, window: 2m}\n' },
    { name: 'merge keys are resolved before validation', code: 'x-base: &base\n  image: x:1\nservices:\n  a:\n    <<: *base\n' },
    { name: 'short port specs Compose parses, and variables', code: 'services:\n  a:\n    image: x:1\n    ports: ["127.0.0.1::5432", "[::1]:80:80", "8000-8010:80/udp", "${PORT}:80", 8080, {target: 81}]\n' },
  ],
  invalid: [
    {
      name: 'durations Compose cannot parse',
      code: 'x-hc: &hc\n  test: ["CMD", "true"]\n  interval: 10q\nservices:\n  a:\n    image: x:1\n    stop_grace_period: 1x\n    healthcheck: *hc\n  b:\n    image: x:1\n    healthcheck: *hc\n    deploy:\n      update_config: {monitor: 5 s}\n',
      errors: [
        { line: 3, column: 13, endLine: 3, endColumn: 16, message: '"interval" in "healthcheck" of service "a" must be a duration such as 30s or 1m30s, not "10q"' },
        { line: 7, column: 24, endLine: 7, endColumn: 26, message: '"stop_grace_period" in service "a" must be a duration such as 30s or 1m30s, not "1x"' },
        { line: 13, column: 32, endLine: 13, endColumn: 35, message: '"monitor" in "deploy.update_config" of service "b" must be a duration' },
      ],
    },
    {
      name: 'a string that does not convert',
      code: 'services:\n  a:\n    image: x:1\n    depends_on:\n      b: {condition: service_started, required: "maybe"}\n  b:\n    image: x:1\n',
      errors: [{ line: 5, column: 49, message: '"required" in "depends_on.b" of service "a" must be a boolean, not a string' }],
    },
    { code: 'services:\n  a:\n    image: x:1\n    restat: always\n', errors: [{ line: 4, column: 5, endColumn: 11, message: 'unknown key "restat" in service "a"; did you mean "restart"?' }] },
    { code: 'services:\n  a:\n    image: x:1\n    deploy:\n      resources:\n        limit: {memory: 1G}\n', errors: [{ line: 6, column: 9, message: 'unknown key "limit" in "deploy.resources" of service "a"; did you mean "limits"?' }] },
    { code: 'services:\n  a:\n    image: x:1\n    ports: 80\n', errors: [{ line: 4, column: 12, message: '"ports" in service "a" must be a list, not an integer' }] },
    { code: 'services:\n  a:\n    image: x:1\n    depends_on:\n      b:\n        condition: service_ready\n  b:\n    image: x:1\n', errors: [{ line: 6, column: 20, message: 'must be one of "service_started", "service_healthy", "service_completed_successfully"' }] },
    { name: 'unknown key in an override file', main: ['compose.yaml', 'o.yaml'], files: { 'compose.yaml': 'services:\n  a:\n    image: x:1\n', 'o.yaml': 'servces:\n  a: {}\n' }, errors: [{ file: 'o.yaml', line: 1, column: 1, message: 'did you mean "services"?' }] },
    {
      name: 'short port specs Compose cannot parse, once for an anchored one',
      code: 'x-p: &p "80:80:80:80"\nservices:\n  a:\n    image: x:1\n    ports:\n      - *p\n      - "8080:http"\n  b:\n    image: x:1\n    ports: [*p]\n',
      errors: [
        { line: 1, column: 9, endLine: 1, endColumn: 22, message: 'port "80:80:80:80" in "ports" of service "a" is not [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]: "80:80" is not an IP address' },
        { line: 7, column: 9, endLine: 7, endColumn: 20, message: 'port "8080:http" in "ports" of service "a" is not [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]: "http" is not a container port or range (0-65535)' },
      ],
    },
    { name: 'missing extends file', code: 'services:\n  a:\n    extends:\n      file: nope.yaml\n      service: b\n', errors: [{ line: 4, column: 13, message: 'cannot read nope.yaml' }] },
    { name: 'missing extends file outside the working directory: shown relative to it', code: 'services:\n  a:\n    extends:\n      file: ../base/compose.yaml\n      service: b\n', errors: [{ line: 4, column: 13, message: 'cannot read ../base/compose.yaml: no such file' }] },
  ],
});
