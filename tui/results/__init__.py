"""The admin's results: star ratings against last year, the quota, vetoes, composites and a chart."""
