# The README's two commands are `make run` and `make test`.
.PHONY: run test setup lint evaluate clean cluster-up cluster-down

run:            ## set everything up and run the bot locally (REST on localhost:5005)
	scripts/run.sh

test:           ## set everything up and run the full test suite
	scripts/test.sh

setup:          ## virtualenv, spaCy model, rendered domain, trained model (cached)
	scripts/setup.sh

lint:
	.venv/bin/ruff check .

evaluate:       ## held-out rounds, 5-fold CV and pipeline comparison -> reports/nlu/ (about 2 hours on 2 cores)
	scripts/setup.sh && .venv/bin/python -m tests.nlu.evaluate --compare --cv 5 --include-sealed

cluster-up:     ## two Rasa servers behind nginx, Redis locks, PostgreSQL trackers (docs/cluster.md)
	scripts/cluster/up.sh

cluster-down:
	scripts/cluster/down.sh

clean:
	rm -rf build models .pytest_cache .ruff_cache
