import rule from '../../../src/rules/dockerfile/maintainer-deprecated.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nLABEL maintainer="Jane Doe <jane@example.com>"\n',
    { name: 'ONBUILD MAINTAINER is onbuild-invalid-trigger\'s business', code: 'FROM debian:12\nONBUILD MAINTAINER me\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 11, message: 'LABEL maintainer="Jane Doe <jane@example.com>"' }],
      output: 'FROM debian:12\nLABEL maintainer="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'quotes, dollars and backslashes are escaped; trailing spaces kept',
      code: 'FROM debian:12\nmaintainer  "JD" $USER a\\b  \nRUN true\n',
      errors: [{ line: 2, column: 1, endColumn: 11 }],
      output: 'FROM debian:12\nLABEL maintainer="\\"JD\\" \\$USER a\\\\b"  \nRUN true\n',
    },
    {
      name: 'continuation lines are joined',
      code: 'FROM debian:12\nMAINTAINER Jane \\\n  Doe\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM debian:12\nLABEL maintainer="Jane   Doe"\n',
    },
    {
      name: 'backtick escape directive',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER "ops" C:\\team\n',
      errors: [{ line: 3, column: 1 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL maintainer="`"ops`" C:\\team"\n',
    },
  ],
});
