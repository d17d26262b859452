import rule from '../../../src/rules/image/file-capabilities.js';
import { vfsCapability } from '../../helpers/image-builder.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const exe = (path: string, capabilities?: string) => ({ path, content: 'ELF', mode: 0o755, ...(capabilities ? { capabilities } : {}) });

imageRuleTester(rule, {
  valid: [
    { name: 'no capabilities', spec: { layers: [{ files: [exe('/usr/local/bin/server')] }] } },
    { name: 'distribution defaults', spec: { layers: [{ files: [exe('/usr/bin/ping', 'cap_net_raw=ep'), exe('/usr/bin/newuidmap', 'cap_setuid=ep')] }] } },
    { name: 'allow option', options: { allow: ['/usr/local/bin/server'] }, spec: { layers: [{ files: [exe('/usr/local/bin/server', 'cap_net_bind_service=ep')] }] } },
    { name: 'replaced without capabilities', spec: { layers: [{ files: [exe('/app/bin', 'cap_sys_admin=ep')] }, { files: [exe('/app/bin')] }] } },
  ],
  invalid: [
    {
      name: 'setcap on the app',
      spec: { layers: [{ files: [] }, { files: [exe('/usr/local/bin/server', 'cap_net_bind_service=ep')] }] },
      errors: [{ layer: 1, path: '/usr/local/bin/server', message: 'has file capabilities `cap_net_bind_service=ep`' }],
    },
    {
      name: 'dangerous capability',
      spec: { layers: [{ files: [exe('/opt/tool', 'cap_sys_admin,cap_dac_override=eip')] }] },
      errors: [{ layer: 0, path: '/opt/tool', message: '`cap_sys_admin,cap_dac_override=eip`' }],
    },
  ],
});

// The same through the xattr bytes a real layer carries (decoded like the reader does).
imageRuleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'security.capability xattr bytes',
      spec: { layers: [{ files: [{ path: '/usr/local/bin/server', content: 'ELF', mode: 0o755, capability: vfsCapability(['cap_net_bind_service']) }] }] },
      errors: [{ layer: 0, path: '/usr/local/bin/server', message: 'cap_net_bind_service' }],
    },
  ],
});
