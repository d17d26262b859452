import rule from '../../../src/rules/dockerfile/pip-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'version control URLs with a ref, also editable and as a direct reference', code: 'FROM python:3.12\nRUN pip install git+https://github.com/psf/requests.git@v2.32.3 -e git+https://github.com/x/y.git@abc123#egg=y "y @ git+https://github.com/x/y@v1"\n' },
    { name: 'a direct reference to an archive', code: 'FROM python:3.12\nRUN pip install "y @ https://x.example/y-1.0.tar.gz"\n' },
    'FROM python:3.12\nRUN pip install flask==3.0.3 "requests>=2.31,<3" \'urllib3~=2.0\'\n',
    'FROM python:3.12\nRUN pip install -r requirements.txt\n',
    'FROM python:3.12\nRUN pip install --requirement=requirements.txt\n',
    'FROM python:3.12\nRUN pip install -c constraints.txt flask\n',
    'FROM python:3.12\nRUN pip install -Ur requirements.txt\n',
    'FROM python:3.12\nRUN pip install --no-index --find-links /wheels flask\n',
    'FROM python:3.12\nRUN pip install . ./lib /src/pkg ~/pkg dist/app-1.0-py3-none-any.whl app-1.0.tar.gz\n',
    'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.2.0#egg=repo\n',
    'FROM python:3.12\nRUN pip install https://example.com/pkg.zip\n',
    { name: 'editable and index values are not packages', code: 'FROM python:3.12\nRUN pip install -e . -i https://pypi.example/simple --root-user-action ignore --extra-index-url https://x/simple flask==3\n' },
    { name: 'global option values before install', code: 'FROM python:3.12\nRUN pip --timeout 60 --retries 5 install flask==3\n' },
    'FROM python:3.12\nRUN pip download flask\n',
    'FROM python:3.12\nRUN pipenv install flask && pipx install black\n',
    'FROM python:3.12\nRUN python -c "import pip" install\n',
    { name: 'unknown variable', code: 'FROM python:3.12\nRUN pip install $PACKAGES\n' },
    { name: 'version from a variable', code: 'FROM python:3.12\nARG V\nRUN pip install "flask==${V}"\n' },
  ],
  invalid: [
    {
      name: 'a version control URL without a ref: pinned with @ref, also editable and as a direct reference',
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir git+https://github.com/psf/requests.git\nRUN pip install -e git+https://github.com/psf/requests.git#egg=requests\nRUN pip install --editable=git+https://github.com/x/y "z @ git+https://github.com/x/z"\n',
      errors: [
        { line: 2, column: 32, endColumn: 71, message: 'pin a tag or commit: git+https://github.com/psf/requests.git@<tag or commit>.' },
        { line: 3, column: 20, message: 'git+https://github.com/psf/requests.git@<tag or commit>#egg=requests' },
        { line: 4, column: 17, message: 'git+https://github.com/x/y@<tag or commit>' },
        { line: 4, column: 55, message: 'pin a tag or commit: z @ git+https://github.com/x/z@<tag or commit>.' },
      ],
    },
    { name: 'options held in a variable are not packages', code: 'FROM python:3.12\nARG PIP_FLAGS="--no-cache-dir --upgrade"\nARG PKGS="flask requests==2.32.3"\nRUN pip install ${PIP_FLAGS} ${PKGS}\n', errors: [{ line: 4, column: 30, message: '"flask"' }] },
    {
      code: 'FROM python:3.12\nRUN pip install flask\n',
      errors: [{ line: 2, column: 17, endLine: 2, endColumn: 22, message: '"flask"' }],
    },
    {
      name: 'pip3, python -m pip, one finding per package',
      code: 'FROM python:3.12\nRUN pip3 install --upgrade pip setuptools==69 && python3 -m pip install -q "requests[socks]"\n',
      errors: [
        { line: 2, column: 28, endColumn: 31, message: '"pip"' },
        { line: 2, column: 76, endColumn: 93, message: '"requests[socks]"' },
      ],
    },
    {
      name: 'value flags are skipped, the package is found',
      code: 'FROM python:3.12\nRUN pip install --root-user-action=ignore -i https://x/simple --target /opt/lib --prefix /usr/local flask\n',
      errors: [{ line: 2, column: 101, endColumn: 106 }],
    },
    {
      name: 'local path next to an unpinned package',
      code: 'FROM python:3.12\nRUN pip install . gunicorn\n',
      errors: [{ line: 2, column: 19, endColumn: 27, message: '"gunicorn"' }],
    },
    {
      name: 'VCS URL without a ref',
      code: 'FROM python:3.12\nRUN pip install git+ssh://git@github.com/org/repo.git\n',
      errors: [{ line: 2, column: 17 }],
    },
    {
      name: 'continuation line',
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir \\\n      flask==3.0 \\\n      gunicorn\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 15 }],
    },
    {
      name: 'ARG resolving to unpinned packages',
      code: 'FROM python:3.12\nARG PKGS="flask gunicorn==22"\nRUN pip install ${PKGS}\n',
      errors: [{ line: 3, column: 17, endColumn: 24, message: '"flask"' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM python:3.12\nONBUILD RUN /opt/venv/bin/pip install flask\n',
      errors: [{ line: 2, column: 39 }],
    },
  ],
});
