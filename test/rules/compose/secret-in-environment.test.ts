import rule from '../../../src/rules/compose/secret-in-environment.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n      DB_PASSWORD_FILE: /run/secrets/db\n      API_TOKEN_URL: https://auth.example.com/token\n      SECRET_KEY_LENGTH: "64"\n      PASSWORD_REQUIRED: "true"\n      LOG_LEVEL: debug\n',
    'services:\n  a:\n    image: x:1\n    environment:\n      - DB_PASSWORD\n      - DB_USER=app\n      - ADMIN_PASSWORD=changeme\n',
    { name: 'reference with a default is a reference', code: 'services:\n  a:\n    image: x:1\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n' },
    { name: 'an access key alone is the ID that goes with a secret key', code: 'services:\n  a:\n    image: minio/minio:RELEASE.2024-01-01T00-00-00Z\n    environment:\n      MINIO_ACCESS_KEY: minioadmin-user\n      AWS_ACCESS_KEY: backup-writer\n' },
    { name: 'the working directory variables', code: 'services:\n  a:\n    image: x:1\n    environment:\n      PWD: /srv/app\n      OLDPWD: /srv\n' },
    { name: 'names secret only through PASS or PWD, with a path or a plain word', code: 'services:\n  a:\n    image: x:1\n    environment:\n      PASS_THROUGH: enabled\n      BACKUP_PWD: /var/backups\n      SMTP_PASS: none\n' },
    { name: 'settings about a secret, named after it', code: 'services:\n  a:\n    image: x:1\n    environment:\n      SESSION_TOKEN_REFRESH: hourly\n      PASSWORD_MAX_AGE: 90d\n      SECRETS_BACKEND: vault\n      API_KEY_ROTATION: monthly-on-sunday\n' },
    { name: 'env_file is the fix', code: 'services:\n  a:\n    image: x:1\n    env_file: .env\n' },
  ],
  invalid: [
    {
      name: 'a secret named with a setting word before it is still one',
      code: 'services:\n  a:\n    image: x:1\n    environment:\n      REFRESH_TOKEN: 8c1f3b2a9d7e\n      ROTATION_SECRET: Zq81-Pl0x-44\n',
      errors: [{ line: 5, column: 22, endColumn: 34, message: 'in REFRESH_TOKEN' }, { line: 6, column: 24, endColumn: 36, message: 'in ROTATION_SECRET' }],
    },
    {
      name: 'the secret key next to it is reported',
      code: 'services:\n  a:\n    image: x:1\n    environment:\n      MINIO_ACCESS_KEY: minio-user\n      MINIO_SECRET_KEY: s3cr3t-Value-42\n      AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI-K7MDENG\n',
      errors: [{ line: 6, column: 25 }, { line: 7, column: 30 }],
    },
    {
      code: 'services:\n  a:\n    image: x:1\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2\n      STRIPE_KEY: sk_live_abcdefghijklmnopqrstuvwx\n',
      errors: [
        { line: 5, column: 26, endColumn: 40, message: 'has a literal secret in POSTGRES_PASSWORD' },
        { line: 6, column: 19, message: 'a Stripe secret key' },
      ],
    },
    {
      name: 'list form points at the value',
      code: 'services:\n  a:\n    image: x:1\n    environment:\n      - "JWT_SECRET=9f8e7d6c5b4a"\n      - DATABASE_URL=postgres://app:s3cret@db/app\n',
      errors: [{ line: 5, column: 21, endColumn: 33 }, { line: 6, column: 22, message: 'a password inside a URL' }],
    },
    {
      name: 'names secret only through PASS or PWD, with a password-like value',
      code: 'services:\n  a:\n    image: x:1\n    environment:\n      FTP_PASS: KkK8RsUIba-MMTBU\n      PWD: hunter2\n      ADMIN_PWD: Secret42\n      DB_PASS: sw0rdfish\n      DB_PASSWORD: postgres\n',
      errors: [
        { line: 5, column: 17, endLine: 5, endColumn: 33, message: 'Service "a" has a literal secret in FTP_PASS' },
        { line: 7, column: 18, endLine: 7, endColumn: 26, message: 'in ADMIN_PWD' },
        { line: 8, column: 16, endLine: 8, endColumn: 25, message: 'in DB_PASS' },
        { line: 9, column: 20, endLine: 9, endColumn: 28, message: 'in DB_PASSWORD' },
      ],
    },
    {
      name: 'through an anchor',
      code: 'x-env: &env\n  REDIS_PASSWORD: r3d1s-pass\nservices:\n  a:\n    image: x:1\n    environment: *env\n',
      errors: [{ line: 2, column: 19 }],
    },
  ],
});
