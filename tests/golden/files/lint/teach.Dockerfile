FROM alpine
COPY entrypoint.sh /usr/local/bin/
ENTRYPOINT ["entrypoint.sh"]
CMD ["bash", "-c", "echo hi"]
