# Action server image for docker-compose.yml: the official rasa/rasa-sdk:3.6.2 (the
# version requirements.lock pins) plus the libraries bot/knowledge.py and
# bot/opening_hours.py import, at the versions requirements.lock pins. actions/
# and bot/ are mounted by docker-compose.yml (PYTHONPATH=/app).
FROM rasa/rasa-sdk:3.6.2

USER root
RUN pip install --no-cache-dir jsonschema==4.17.3 attrs==22.1.0 pyrsistent==0.20.0 PyYAML==6.0.2 tzdata==2024.2 \
 && python -c "import jsonschema, yaml, zoneinfo; zoneinfo.ZoneInfo('Europe/Copenhagen')"
USER 1001
