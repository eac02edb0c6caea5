--format=json: the lint request's result.json as BuildKit writes it
(json.MarshalIndent, warnings in the order they were raised, the source's
data in base64).
=== args
lint --format=json lint/Dockerfile
=== stdout
{
  "warnings": [
    {
      "ruleName": "FromAsCasing",
      "description": "The 'as' keyword should match the case of the 'from' keyword",
      "url": "https://docs.docker.com/go/dockerfile/rule/from-as-casing/",
      "detail": "'as' and 'FROM' keywords' casing do not match",
      "location": {
        "ranges": [
          {
            "start": {
              "line": 3
            },
            "end": {
              "line": 3
            }
          }
        ]
      }
    },
    {
      "ruleName": "CopyIgnoredFile",
      "description": "Attempting to Copy file that is excluded by .dockerignore",
      "url": "https://docs.docker.com/go/dockerfile/rule/copy-ignored-file/",
      "detail": "Attempting to Copy file \"notes.md\" that is excluded by .dockerignore",
      "location": {
        "ranges": [
          {
            "start": {
              "line": 4
            },
            "end": {
              "line": 4
            }
          }
        ]
      }
    },
    {
      "ruleName": "LegacyKeyValueFormat",
      "description": "Legacy key/value format with whitespace separator should not be used",
      "url": "https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/",
      "detail": "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format",
      "location": {
        "ranges": [
          {
            "start": {
              "line": 9
            },
            "end": {
              "line": 9
            }
          }
        ]
      }
    },
    {
      "ruleName": "JSONArgsRecommended",
      "description": "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
      "url": "https://docs.docker.com/go/dockerfile/rule/json-args-recommended/",
      "detail": "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals",
      "location": {
        "ranges": [
          {
            "start": {
              "line": 11
            },
            "end": {
              "line": 11
            }
          }
        ]
      }
    }
  ],
  "sources": [
    {
      "filename": "lint/Dockerfile",
      "data": "IyBzeW50YXg9ZG9ja2VyL2RvY2tlcmZpbGU6MQpBUkcgQkFTRT1hbHBpbmUKRlJPTSAke0JBU0V9IGFzIGJ1aWxkCkNPUFkgbm90ZXMubWQgYXBwLnB5IC9zcmMvClJVTiBlY2hvIGJ1aWxkaW5nIFwKICAgICYmIHRvdWNoIC9zcmMvb3V0CgpGUk9NIGFscGluZQpFTlYgTU9ERSBwcm9kdWN0aW9uCkNPUFkgLS1mcm9tPWJ1aWxkIC9zcmMvb3V0IC9hcHAvb3V0CkNNRCAvYXBwL291dCAtLW1vZGUgJE1PREUK",
      "language": "Dockerfile"
    }
  ]
}
=== stderr
=== exit
0
