import rule from '../../../src/rules/dockerfile/gem-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'options held in a variable are not packages', code: 'FROM ruby:3.3\nARG GEM_FLAGS="--no-document -N"\nRUN gem install $GEM_FLAGS rails:7.1.3\n' },
    { name: 'gems from a dependencies file', code: 'FROM ruby:3.3\nRUN gem install -g Gemfile && gem install --file Gemfile.ci && gem install -g\n' },
    'FROM ruby:3.3\nRUN gem install bundler:2.5.11 rake:13.2.1\n',
    'FROM ruby:3.3\nRUN gem install bundler -v 2.5.11\n',
    'FROM ruby:3.3\nRUN gem install bundler --version "~> 2.5"\n',
    'FROM ruby:3.3\nRUN gem install --version=2.5.11 bundler\n',
    'FROM ruby:3.3\nRUN gem i -v2.5.11 bundler\n',
    'FROM ruby:3.3\nRUN gem install ./vendor/foo-1.0.gem foo-1.0.gem\n',
    { name: 'words after -- go to the build', code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.5 -- --use-system-libraries --with-xml2-config /usr/bin/xml2-config\n' },
    { name: 'option values are not gems', code: 'FROM ruby:3.3\nRUN gem install --no-document -i /usr/local/bundle --source https://rubygems.org -n /usr/bin rails:7.1.3\n' },
    'FROM ruby:3.3\nRUN gem update --system && bundle install\n',
    { name: 'unknown variable', code: 'FROM ruby:3.3\nRUN gem install $GEMS\n' },
  ],
  invalid: [
    {
      name: 'a gem in a variable next to options',
      code: 'FROM ruby:3.3\nARG GEM_FLAGS="--no-document --bindir /usr/bin rake"\nRUN gem install $GEM_FLAGS rails:7.1.3\n',
      errors: [{ line: 3, column: 17, endLine: 3, endColumn: 27, message: 'Gem "rake"' }],
    },
    {
      code: 'FROM ruby:3.3\nRUN gem install bundler\n',
      errors: [{ line: 2, column: 17, endLine: 2, endColumn: 24, message: 'bundler:<version>' }],
    },
    {
      name: '--no-document is not followed by a value; several gems',
      code: 'FROM ruby:3.3\nRUN gem install --no-document rails rake:13\n',
      errors: [{ line: 2, column: 31, endColumn: 36, message: '"rails"' }],
    },
    {
      name: 'gem i on a continuation line',
      code: 'FROM ruby:3.3\nRUN gem i -N \\\n      --install-dir /gems \\\n      rubocop\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 14 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM ruby:3.3\nONBUILD RUN gem install rails\n',
      errors: [{ line: 2, column: 25 }],
    },
  ],
});
