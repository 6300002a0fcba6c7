# Rasa server image for docker-compose.yml: the official rasa/rasa:3.6.21-full plus
# only what that image lacks for Handlevej. The code (bot/), the model, the
# endpoints and the channels are mounted by docker-compose.yml, not copied.
#   - da_core_news_sm 3.4.0: the Danish spaCy pipeline config.yml uses, from
#     Explosion's release by default; for an offline build put the wheel in
#     deploy/docker/wheels/ and pass
#     --build-arg SPACY_MODEL_WHEEL=/tmp/wheels/da_core_news_sm-3.4.0-py3-none-any.whl
#   - tzdata (as pinned in requirements.lock): opening hours in Europe/Copenhagen.
FROM rasa/rasa:3.6.21-full

ARG SPACY_MODEL_WHEEL=https://github.com/explosion/spacy-models/releases/download/da_core_news_sm-3.4.0/da_core_news_sm-3.4.0-py3-none-any.whl

USER root
COPY wheels/ /tmp/wheels/
RUN pip install --no-cache-dir --no-deps "${SPACY_MODEL_WHEEL}" tzdata==2024.2 \
 && rm -rf /tmp/wheels \
 && python -c "import da_core_news_sm, zoneinfo; zoneinfo.ZoneInfo('Europe/Copenhagen')"
USER 1001
