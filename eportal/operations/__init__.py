"""Operations: load balancer probes, request ids in the logs, backup and restore."""
