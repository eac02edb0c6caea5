FROM busybox
RUN echo café ÿ
LABEL name=Ã
