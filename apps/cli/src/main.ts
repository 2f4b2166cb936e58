process.stdout.write('taonode: the CLI is being built\n');
