docksim lessons check on a lesson file with mistakes: each problem is
reported as file:line: message (parsing goes on after an error), then the
closing count; exit 1.
=== args
lessons check broken.lesson
=== stdout
broken.lesson:7: unknown key 'levle' in the header (did you mean 'level'?)
broken.lesson:6: allow: 'docker-runn' is neither a Dockerfile instruction nor a docker command written like docker-run
broken.lesson:17: unknown state path 'image.cmdd' (did you mean 'image.cmd'?)
broken.lesson:18: check without a '#' description above it (the learner's checklist shows that line)
broken.lesson:20: unknown operator '==' (use = != has ~ exists missing)
broken.lesson:22: 'argv' is a run path: check it with 'run COMMAND => argv ...' or 'last-run argv ...'
broken.lesson:26: unknown operator 'is' (use = != has ~ exists missing)
broken.lesson:29: duplicate step id 'one'
broken.lesson:38: step 'three' has no 'text:'
broken.lesson:42: 'docker build .' is not a docker run command (a probe runs the lesson image with `docker run ...`)
broken.lesson:51: unknown section [finsh] (did you mean [finish]?) (sections: [intro] [setup] [step ID] [try NAME] [finish])
broken.lesson:46: try 'bad' names step 'four', which this lesson does not have
lessons: 1 checked, 1 failed
=== stderr
=== exit
1
