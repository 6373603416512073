"""Full-page cache: anonymous pages written to disk for nginx, purged by dependency tags."""
