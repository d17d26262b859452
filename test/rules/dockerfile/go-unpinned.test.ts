import rule from '../../../src/rules/dockerfile/go-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'go -C <dir> with local and pinned packages', code: 'FROM golang:1.22\nRUN go -C /src install ./cmd/app golang.org/x/tools/gopls@v0.15.3\n' },
    { name: 'options held in a variable are not packages, nor the value of -tags', code: 'FROM golang:1.22\nARG GO_FLAGS="-v -tags netgo"\nRUN go install $GO_FLAGS golang.org/x/tools/gopls@v0.15.3\n' },
    { name: 'a version from an ARG', code: 'FROM golang:1.22\nARG GOPLS_VERSION=v0.16.1\nRUN go install golang.org/x/tools/gopls@${GOPLS_VERSION}\n' },
    { name: 'a version from an unset ARG is the build\'s choice', code: 'FROM golang:1.22\nARG GOPLS_VERSION\nRUN go install golang.org/x/tools/gopls@${GOPLS_VERSION}\n' },
    'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n',
    'FROM golang:1.22\nRUN go get github.com/pkg/errors@v0.9.1 && go get example.com/old@none\n',
    'FROM golang:1.22\nRUN go install . && go install ./cmd/... && go build -o /app .\n',
    'FROM golang:1.22\nRUN go run main.go util.go && go run . --flag value\n',
    { name: 'program arguments after the go run package', code: 'FROM golang:1.22\nRUN go run github.com/x/gen@v1.2.0 github.com/other/thing\n' },
    { name: '-o value is not a package', code: 'FROM golang:1.22\nRUN go install -ldflags "-s -w" -tags netgo -o /bin/app ./cmd/app\n' },
    'FROM golang:1.22\nRUN go mod download && go get\n',
    { name: 'go.mod tools', code: 'FROM golang:1.22\nRUN go install tool && go get tool\n' },
    { name: 'version from a variable', code: 'FROM golang:1.22\nARG V\nRUN go install golang.org/x/tools/gopls@${V}\n' },
    { name: 'unknown variable', code: 'FROM golang:1.22\nRUN go install $TOOL\n' },
  ],
  invalid: [
    {
      name: 'after go -C <dir>',
      code: 'FROM golang:1.22\nRUN go -C /src install golang.org/x/tools/gopls\n',
      errors: [{ line: 2, column: 24, endLine: 2, endColumn: 48, message: '"golang.org/x/tools/gopls"' }],
    },
    {
      name: 'a package in a variable next to options',
      code: 'FROM golang:1.22\nARG GO_FLAGS="-tags netgo golang.org/x/tools/gopls"\nRUN go install $GO_FLAGS\n',
      errors: [{ line: 3, column: 16, endLine: 3, endColumn: 25, message: '"golang.org/x/tools/gopls"' }],
    },
    {
      name: '@latest from an ARG or ENV default',
      code: 'FROM golang:1.22\nARG GOPLS_VERSION=latest\nRUN go install golang.org/x/tools/gopls@${GOPLS_VERSION}\nENV V=latest\nRUN go install golang.org/x/tools/cmd/goimports@$V\n',
      errors: [{ line: 3, column: 16, endColumn: 57, message: '"golang.org/x/tools/gopls@latest"' }, { line: 5, column: 16, message: '"golang.org/x/tools/cmd/goimports@latest"' }],
    },
    { name: 'a branch query', code: 'FROM golang:1.22\nRUN go install github.com/x/y@HEAD && go install github.com/x/z@master\n', errors: [{ line: 2, column: 16 }, { line: 2, column: 50 }] },
    {
      code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls\n',
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 40, message: 'golang.org/x/tools/gopls@<version>' }],
    },
    {
      name: '@latest and @upgrade do not pin',
      code: 'FROM golang:1.22\nRUN go install honnef.co/go/tools/cmd/staticcheck@latest && go get -u github.com/a/b@upgrade\n',
      errors: [
        { line: 2, column: 16, endColumn: 57, message: 'honnef.co/go/tools/cmd/staticcheck@<version>' },
        { line: 2, column: 71, endColumn: 93 },
      ],
    },
    {
      name: 'go run of a remote package; flags with values skipped',
      code: 'FROM golang:1.22\nRUN go run -tags dev github.com/x/gen --out file.go\n',
      errors: [{ line: 2, column: 22, endColumn: 38 }],
    },
    {
      name: 'continuation line, --flag form',
      code: 'FROM golang:1.22\nRUN go install --ldflags=-s \\\n      github.com/a/tool1@v1.0.0 \\\n      github.com/a/tool2\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 25 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM golang:1.22\nONBUILD RUN go get github.com/a/b\n',
      errors: [{ line: 2, column: 20 }],
    },
  ],
});
